using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Bench.Tests;

public sealed class BenchDataMarkerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bench-marker-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private BenchDataMarker WriteCompany()
    {
        File.WriteAllText(Path.Combine(_dir, "accounts.csv"), "account_id\nA1\n");
        File.WriteAllText(Path.Combine(_dir, "tickets.csv"), "ticket_id\nT1\nT2\n");
        var marker = new BenchDataMarker(BenchProfile.Small.ToSampleOptions(42),
            [new BenchFile("accounts", "accounts.csv", 14, 1), new BenchFile("tickets", "tickets.csv", 16, 2)], 1.5);
        marker.Write(_dir);
        return marker;
    }

    [Fact]
    public void A_company_with_the_same_options_and_intact_files_is_reused()
    {
        WriteCompany();

        var read = BenchDataMarker.Read(_dir);

        Assert.True(BenchDataMarker.IsReusable(read, BenchProfile.Small.ToSampleOptions(42), _dir));
    }

    [Fact]
    public void The_marker_round_trips()
    {
        var written = WriteCompany();

        var read = BenchDataMarker.Read(_dir)!;

        Assert.Equal(written.Options, read.Options);
        Assert.Equal(written.Files, read.Files);
        Assert.Equal(1.5, read.GenerationSeconds);
    }

    [Fact]
    public void Other_options_mean_regenerate()
    {
        WriteCompany();
        var read = BenchDataMarker.Read(_dir);

        Assert.False(BenchDataMarker.IsReusable(read, BenchProfile.Small.ToSampleOptions(43), _dir));
        Assert.False(BenchDataMarker.IsReusable(read, BenchProfile.Medium.ToSampleOptions(42), _dir));
        Assert.False(BenchDataMarker.IsReusable(read, BenchProfile.Small.ToSampleOptions(42) with { EndDate = new DateOnly(2025, 1, 31) }, _dir));
    }

    [Fact]
    public void Unresolved_options_match_their_resolved_marker()
    {
        WriteCompany();
        var options = new SampleOptions(300, 10, 12, 42, UsageEventsPerAccountDay: 5);

        Assert.True(BenchDataMarker.IsReusable(BenchDataMarker.Read(_dir), options, _dir));
    }

    [Fact]
    public void A_missing_or_changed_file_means_regenerate()
    {
        WriteCompany();
        var options = BenchProfile.Small.ToSampleOptions(42);
        File.AppendAllText(Path.Combine(_dir, "tickets.csv"), "T3\n");

        Assert.False(BenchDataMarker.IsReusable(BenchDataMarker.Read(_dir), options, _dir));

        File.Delete(Path.Combine(_dir, "tickets.csv"));
        Assert.False(BenchDataMarker.IsReusable(BenchDataMarker.Read(_dir), options, _dir));
    }

    [Fact]
    public void No_marker_or_an_unreadable_one_means_regenerate()
    {
        var options = BenchProfile.Small.ToSampleOptions(42);

        Assert.Null(BenchDataMarker.Read(_dir));
        Assert.False(BenchDataMarker.IsReusable(null, options, _dir));

        File.WriteAllText(Path.Combine(_dir, BenchDataMarker.FileName), "{ not json");
        Assert.Null(BenchDataMarker.Read(_dir));
    }

    [Fact]
    public void Delete_removes_the_marker_so_an_interrupted_generation_is_not_reused()
    {
        WriteCompany();

        BenchDataMarker.Delete(_dir);

        Assert.Null(BenchDataMarker.Read(_dir));
    }
}
