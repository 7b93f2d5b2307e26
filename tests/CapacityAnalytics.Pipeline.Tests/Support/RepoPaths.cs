namespace CapacityAnalytics.Pipeline.Tests.Support;

/// <summary>Folders the preset tests read: the repository root, the real-format samples, the fixtures.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding CapacityAnalytics.sln, found by walking up from the test's base directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// A vendor's real-format sample export, kept in the repository under <c>tests/fixtures/realformats</c> with its
    /// licence and source note, so a clone with nothing beside it runs these tests.
    /// </summary>
    public static string RealFormats(string vendor) => Path.Combine(Root, "tests", "fixtures", "realformats", vendor);

    public static string Fixtures(string name) =>
        Path.Combine(Root, "tests", "CapacityAnalytics.Pipeline.Tests", "Stages", "Ingest", "Presets", "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapacityAnalytics.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No CapacityAnalytics.sln above {AppContext.BaseDirectory}.");
    }
}
