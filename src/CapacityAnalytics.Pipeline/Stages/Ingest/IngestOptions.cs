namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>Settings of one ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>IANA time zone for timestamps written without an offset.</summary>
    public string Timezone { get; init; } = "UTC";

    /// <summary>A run fails when rejected rows / rows read of any entity is above this share.</summary>
    public double RejectThreshold { get; init; } = 0.01;

    /// <summary>Dates and timestamps outside this window are rejected; null (the default for tests and tools): no bounds.</summary>
    public PlausibleWindow? Plausible { get; init; }

    /// <summary>
    /// Newlines of the extracts, by path, counted while the run hashed them (<see cref="Incremental.InputScanner"/>), so
    /// mapping DuckDB's records to lines needs no second pass over a large file; a file missing here is counted then.
    /// </summary>
    public IReadOnlyDictionary<string, LineCount>? CountedLines { get; init; }

    public static IngestOptions Default { get; } = new();
}
