namespace CapacityAnalytics.Core.CapacityModelFile;

/// <summary>A capacity model file that cannot be used; the message is one line naming the file and the key.</summary>
public sealed class ModelFileException : Exception
{
    public ModelFileException(string message) : base(message) { }
    public ModelFileException(string message, Exception inner) : base(message, inner) { }
    public ModelFileException() { }
}
