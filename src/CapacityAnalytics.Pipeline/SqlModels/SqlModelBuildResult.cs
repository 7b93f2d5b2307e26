namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>What a build did: the models in build order with their row counts, tests passed and unmapped activity types.</summary>
public sealed record SqlModelBuildResult(
    DateOnly AsOf,
    IReadOnlyList<BuiltModel> Models,
    int TestsPassed,
    double Seconds,
    IReadOnlyList<UnmappedActivityType> UnmappedTypes)
{
    /// <summary>Why every model was rebuilt in full (first build, a full ingest, changed SQL ...); null for an incremental build.</summary>
    public string? FullReason { get; init; }
}

/// <summary>One built table: how it was built, and for a partial build how many partitions were rebuilt.</summary>
public sealed record BuiltModel(string Name, long Rows, double Seconds, ModelBuild How = ModelBuild.Full, long Partitions = 0);

/// <summary>How a model's table was built.</summary>
public enum ModelBuild
{
    /// <summary>Rebuilt in full (create or replace).</summary>
    Full,

    /// <summary>Rebuilt in full and found identical to its last build (compared because an incremental model reads it).</summary>
    Unchanged,

    /// <summary>Incremental: only the affected partitions were deleted and inserted again.</summary>
    Partitions,

    /// <summary>Incremental with no partition affected: the table was kept as it was.</summary>
    Kept,
}

/// <summary>A vendor activity type that maps to no canonical type; kept with class 'unmapped' and reported.</summary>
public sealed record UnmappedActivityType(string VendorType, long Activities);
