using System.Text;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

/// <summary>A temporary extract folder; deleted on dispose.</summary>
public sealed class ExtractFolderBuilder : IDisposable
{
    public ExtractFolderBuilder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ca-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes lines joined by LF (or the given newline), UTF-8 without BOM unless asked; returns the path.</summary>
    public string Write(string relativePath, string content, bool bom = false)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string WriteLines(string relativePath, params string[] lines) => Write(relativePath, string.Join("\n", lines) + "\n");

    /// <summary>The three entities every run needs, one valid row each.</summary>
    public ExtractFolderBuilder WithMinimalMandatory(bool activities = true)
    {
        WriteLines("csms.csv", "csm_id", "c1");
        WriteLines("accounts.csv", "account_id,arr", "a1,1000");
        if (activities)
        {
            WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at", "x1,c1,qbr,2025-01-01T10:00:00Z");
        }
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test must not hide the test's own failure.
        }
    }
}
