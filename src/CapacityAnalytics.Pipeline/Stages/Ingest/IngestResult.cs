namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>The outcome of an ingest: one entry per loaded entity, and the files no entity claimed.</summary>
public sealed record IngestResult(IReadOnlyList<EntityIngestResult> Entities, IReadOnlyList<string> UnknownFiles)
{
    public EntityIngestResult? For(string entity) =>
        Entities.FirstOrDefault(e => string.Equals(e.Entity, entity, StringComparison.OrdinalIgnoreCase));
}
