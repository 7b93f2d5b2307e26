namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>What a build did: the models in build order with their row counts, tests passed and unmapped activity types.</summary>
public sealed record SqlModelBuildResult(
    DateOnly AsOf,
    IReadOnlyList<BuiltModel> Models,
    int TestsPassed,
    double Seconds,
    IReadOnlyList<UnmappedActivityType> UnmappedTypes);

/// <summary>One built table.</summary>
public sealed record BuiltModel(string Name, long Rows, double Seconds);

/// <summary>A vendor activity type that maps to no canonical type; kept with class 'unmapped' and reported.</summary>
public sealed record UnmappedActivityType(string VendorType, long Activities);
