using System.Globalization;
using System.Text;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Reads a CSV file's header record and normalizes its names the way the contract matches them: trimmed and
/// lower-cased; empty names become <c>column_N</c>, repeats get a <c>_N</c> suffix, and names that would collide with
/// the landing table's own columns (<c>_file</c>, <c>_line</c>, ...) get a <c>_x</c> suffix.
/// </summary>
public static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader) ?? throw new IngestException($"{path}: file is empty; a CSV extract needs a header row.");
    }

    /// <summary>The normalized header names, or null when the input has no record at all.</summary>
    public static IReadOnlyList<string>? Read(TextReader reader)
    {
        var names = new List<string>();
        var field = new StringBuilder();
        var inQuote = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (inQuote)
            {
                if (c != '"')
                {
                    field.Append((char)c);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append((char)reader.Read());
                }
                else
                {
                    inQuote = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuote = true;
            }
            else if (c == ',')
            {
                names.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                break;
            }
            else if (c != '\r')
            {
                field.Append((char)c);
            }
        }
        if (!any)
        {
            return null;
        }
        names.Add(field.ToString());
        return Normalize(names);
    }

    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"column_{i + 1}");
            }
            if (LandingColumns.IsReserved(name))
            {
                name += "_x";
            }
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
            }
            result.Add(unique);
        }
        return result;
    }
}
