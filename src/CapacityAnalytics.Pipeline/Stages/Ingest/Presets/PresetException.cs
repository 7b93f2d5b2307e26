namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Base of the preset errors; every message is one line meant for the user.</summary>
public class PresetException : CapacityException
{
    public PresetException()
    {
    }

    public PresetException(string message)
        : base(message, FailureKind.Data)
    {
    }

    /// <summary>For preset errors that are the configuration's fault (unknown preset, bad mapping file): exit 2.</summary>
    protected PresetException(string message, FailureKind kind)
        : base(message, kind)
    {
    }

    public PresetException(string message, Exception innerException)
        : base(message, FailureKind.Data, innerException)
    {
    }

    /// <summary>A configuration error with its cause (e.g. the YAML parser's exception): exit 2.</summary>
    protected PresetException(string message, FailureKind kind, Exception innerException)
        : base(message, kind, innerException)
    {
    }
}
