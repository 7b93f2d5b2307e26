namespace CapacityAnalytics.Pipeline.Presets;

/// <summary>Base of the preset errors; every message is one line meant for the user.</summary>
public class PresetException : Exception
{
    public PresetException()
    {
    }

    public PresetException(string message)
        : base(message)
    {
    }

    public PresetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
