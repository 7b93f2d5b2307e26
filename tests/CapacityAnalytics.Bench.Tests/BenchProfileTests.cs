using CapacityAnalytics.Pipeline;

namespace CapacityAnalytics.Bench.Tests;

public sealed class BenchProfileTests
{
    [Theory]
    [InlineData("S", "S")]
    [InlineData("m", "M")]
    [InlineData("L", "L")]
    [InlineData("all", "S,M,L")]
    [InlineData("ALL", "S,M,L")]
    [InlineData("l,s", "S,L")]
    [InlineData("S, M ,S", "S,M")]
    [InlineData("", "S")]
    [InlineData(null, "S")]
    public void Parse_names_the_profiles_in_size_order(string? value, string expected)
    {
        var names = string.Join(",", BenchProfile.Parse(value).Select(p => p.Name));

        Assert.Equal(expected, names);
    }

    [Fact]
    public void Parse_rejects_an_unknown_profile_with_a_usage_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => BenchProfile.Parse("XL"));

        Assert.Contains("'XL'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Usage, ex.Kind);
    }

    [Fact]
    public void Profiles_grow_from_S_to_L_and_L_is_the_spec_size()
    {
        Assert.True(BenchProfile.Small.Accounts < BenchProfile.Medium.Accounts);
        Assert.True(BenchProfile.Medium.Accounts < BenchProfile.Large.Accounts);
        Assert.Equal((5_000, 80, 24), (BenchProfile.Large.Accounts, BenchProfile.Large.Csms, BenchProfile.Large.Months));
    }

    [Fact]
    public void Sample_options_carry_the_profile_and_seed_with_defaults_resolved()
    {
        var options = BenchProfile.Medium.ToSampleOptions(7);

        Assert.Equal((1_500, 30, 18, 7, 10), (options.Accounts, options.Csms, options.Months, options.Seed, options.UsageEventsPerAccountDay));
        Assert.NotNull(options.EndDate);
    }
}
