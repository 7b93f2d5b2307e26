using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Pipeline.Tests.Support;

public static class TestFiles
{
    public static string RepoFile(string relative) => Path.Combine(RepoPaths.Root, relative);

    /// <summary>A fresh copy of the shipped model file, so a test may change it.</summary>
    public static CapacityModel LoadModel() => CapacityModelLoader.LoadFile(RepoFile("pipelines/capacity-model.yaml"));

    /// <summary>A temporary folder deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ca-models-" + Guid.NewGuid().ToString("N"));

        public TempFolder() => Directory.CreateDirectory(Path);

        public string Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
