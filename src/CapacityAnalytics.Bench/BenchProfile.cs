using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Bench;

/// <summary>A benchmark company size: what <c>capacity bench --profile</c> generates and runs the pipeline on.</summary>
/// <param name="Name">S, M or L.</param>
/// <param name="Accounts">Accounts in the generated company.</param>
/// <param name="Csms">CSMs in its roster.</param>
/// <param name="Months">Months of history.</param>
/// <param name="UsageEventsPerAccountDay">Raw usage events per active account-day (the bulk of the input).</param>
public sealed record BenchProfile(string Name, int Accounts, int Csms, int Months, int UsageEventsPerAccountDay)
{
    public static readonly BenchProfile Small = new("S", 300, 10, 12, 5);

    public static readonly BenchProfile Medium = new("M", 1_500, 30, 18, 10);

    /// <summary>About 50M raw usage events in total (the generator spreads them over the active account-days).</summary>
    public static readonly BenchProfile Large = new("L", 5_000, 80, 24, 19);

    public static IReadOnlyList<BenchProfile> All { get; } = [Small, Medium, Large];

    public SampleOptions ToSampleOptions(int seed) =>
        new SampleOptions(Accounts, Csms, Months, seed, UsageEventsPerAccountDay: UsageEventsPerAccountDay).Resolved();

    /// <summary>The profiles a <c>--profile</c> value names: S, M, L, all, or a comma list (S,M), in S-M-L order.</summary>
    public static IReadOnlyList<BenchProfile> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [Small];
        var wanted = new HashSet<BenchProfile>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, "all", StringComparison.OrdinalIgnoreCase))
            {
                wanted.UnionWith(All);
                continue;
            }
            var profile = All.FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase))
                ?? throw new ConfigurationException($"--profile: unknown profile '{part}'; use S, M, L or all.");
            wanted.Add(profile);
        }
        return [.. All.Where(wanted.Contains)];
    }
}
