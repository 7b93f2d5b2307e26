namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>A preset file is malformed; the message names the file and, where known, the line.</summary>
public sealed class PresetFormatException : PresetException
{
    public PresetFormatException()
    {
    }

    public PresetFormatException(string message)
        : base(message, FailureKind.Usage)
    {
    }

    public PresetFormatException(string message, Exception innerException)
        : base(message, FailureKind.Usage, innerException)
    {
    }
}
