namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>An entity's mapping SQL failed or produced columns outside the canonical contract.</summary>
public sealed class PresetMappingException : PresetException
{
    public PresetMappingException()
    {
    }

    public PresetMappingException(string message)
        : base(message)
    {
    }

    public PresetMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
