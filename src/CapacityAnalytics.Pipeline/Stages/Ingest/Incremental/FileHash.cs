using System.Security.Cryptography;
using System.Text;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>SHA-256 of a file's content, streamed (no whole file in memory), as lower-case hex.</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>SHA-256 of a text (e.g. a list of fingerprints), as lower-case hex.</summary>
    public static string Sha256Text(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
