namespace CapacityAnalytics.Pipeline.Ingest;

/// <summary>An ingest failure whose message is one line a user can act on (the CLI prints it without a stack trace).</summary>
public class IngestException : Exception
{
    public IngestException()
    {
    }

    public IngestException(string message)
        : base(message)
    {
    }

    public IngestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
