namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>An ingest failure whose message is one line a user can act on (the CLI prints it without a stack trace).</summary>
public class IngestException : CapacityException
{
    public IngestException()
    {
    }

    public IngestException(string message)
        : base(message, FailureKind.Data)
    {
    }

    public IngestException(string message, Exception innerException)
        : base(message, FailureKind.Data, innerException)
    {
    }
}
