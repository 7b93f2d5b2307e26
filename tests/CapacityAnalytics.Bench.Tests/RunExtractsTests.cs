namespace CapacityAnalytics.Bench.Tests;

public sealed class RunExtractsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bench-runextracts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_run_folder_holds_the_company_files_and_the_new_day_goes_there_only()
    {
        var company = Path.Combine(_dir, "company");
        Directory.CreateDirectory(company);
        File.WriteAllText(Path.Combine(company, "activities.csv"),
            "activity_id,account_id,csm_id,type,occurred_at,duration_minutes,direction,subject\nACT-1,ACC-1,CSM-1,email,2026-10-20T09:00:00Z,15,outbound,Hi\n");
        File.WriteAllText(Path.Combine(company, BenchDataMarker.FileName), "{}");
        var input = new BenchInput(company, [new BenchFile("activities", "activities.csv", 118, 1)], true, new BenchStep("generate", 0, 1, MemoryPeak.None));
        var run = Path.Combine(_dir, "run", "extracts");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "activities_2026-10-27.csv"), "left over from an earlier run");

        var linked = RunExtracts.Create(input, run);
        NewDay.Write(run);

        // Linux file systems link; the copy fallback leaves the count below the file count.
        Assert.Equal(OperatingSystem.IsWindows() ? 0 : 1, linked);
        Assert.Equal(["activities.csv", "activities_2026-10-27.csv"], Directory.GetFiles(run).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["activities.csv", BenchDataMarker.FileName], Directory.GetFiles(company).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(company, "activities.csv")), File.ReadAllText(Path.Combine(run, "activities.csv")));
    }
}
