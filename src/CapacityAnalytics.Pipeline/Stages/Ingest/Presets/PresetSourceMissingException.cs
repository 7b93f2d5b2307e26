namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>A required vendor table (or one of its required columns) is not in the extract folder.</summary>
public sealed class PresetSourceMissingException : PresetException
{
    public PresetSourceMissingException()
    {
    }

    public PresetSourceMissingException(string message)
        : base(message)
    {
    }

    public PresetSourceMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
