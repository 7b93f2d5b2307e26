using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>The next model version as written (<see cref="Yaml"/>), read back (<see cref="Model"/>), and its change from the previous version.</summary>
public sealed record CalibratedModel(CapacityModel Model, string Yaml, IReadOnlyList<ParameterChange> Changes);
