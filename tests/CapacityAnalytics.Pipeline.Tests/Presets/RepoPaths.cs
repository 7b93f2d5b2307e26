namespace CapacityAnalytics.Pipeline.Tests.Presets;

/// <summary>Folders the preset tests read: the repository root, the shared real-format samples, the fixtures.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding CapacityAnalytics.sln, found by walking up from the test's base directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The shared folder (SPEC, samples) beside the clone: <c>&lt;root&gt;/../shared</c>. CI places shared/ beside
    /// the clone the same way the development worktrees have it.
    /// </summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string RealFormats(string vendor) => Path.Combine(Shared, "realformats", vendor);

    public static string Fixtures(string name) =>
        Path.Combine(Root, "tests", "CapacityAnalytics.Pipeline.Tests", "Presets", "Fixtures", name);

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
