using System.IO.Compression;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Line-end and encoding facts about a file, from one streaming pass over its bytes.</summary>
internal sealed record FileShape(long CrLf, long Lf, bool EndsWithNewline, bool HasBom)
{
    public bool MixedLineEndings => CrLf > 0 && Lf > 0;

    public static FileShape Scan(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        var buffer = new byte[1 << 16];
        long crlf = 0, lf = 0, position = 0;
        byte previous = 0, last = 0;
        var bom = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (position == 0 && read >= 3)
            {
                bom = buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF;
            }
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    if (previous == (byte)'\r')
                    {
                        crlf++;
                    }
                    else
                    {
                        lf++;
                    }
                }
                previous = b;
            }
            last = buffer[read - 1];
            position += read;
        }
        return new FileShape(crlf, lf, position == 0 || last == (byte)'\n', bom);
    }
}
