namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>The named preset has no file; the message lists the available presets.</summary>
public sealed class PresetNotFoundException : PresetException
{
    public PresetNotFoundException()
    {
    }

    public PresetNotFoundException(string message)
        : base(message, FailureKind.Usage)
    {
    }

    public PresetNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
