namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// One source file as a run saw it: where, how big, when last written (UTC ticks), its content hash, the entity it
/// feeds ("" for a vendor-preset folder's files) and its order among that entity's files (later = newer).
/// </summary>
public sealed record InputFile(string Path, long Size, long ModifiedTicks, string ContentHash, string Entity, int Order)
{
    /// <summary>Its newlines, counted beside the hash when this run read the file (a CSV); null when it was not read.</summary>
    public LineCount? Lines { get; init; }

    /// <summary>Same path, size and content: the file needs no reload (its time may differ).</summary>
    public bool SameContent(InputFile other) =>
        string.Equals(Path, other.Path, StringComparison.Ordinal) && Size == other.Size && string.Equals(ContentHash, other.ContentHash, StringComparison.Ordinal);
}
