using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityAnalytics.Sample.Tests;

/// <summary>
/// The measured-minutes table read from docs/time-equation.md itself, so the tests check the generator against the
/// documented conventions rather than against its own copy of them.
/// </summary>
public sealed partial class DocsTimeTable
{
    private readonly Dictionary<string, (int[] Standard, int Prep, string Class)> _rows;

    private DocsTimeTable(Dictionary<string, (int[], int, string)> rows, int escalatedTicketMinutes)
    {
        _rows = rows;
        EscalatedTicketMinutes = escalatedTicketMinutes;
    }

    public int EscalatedTicketMinutes { get; }

    public IEnumerable<string> Types => _rows.Keys;

    public static DocsTimeTable Load()
    {
        var text = File.ReadAllText(FindDoc());
        var rows = new Dictionary<string, (int[], int, string)>(StringComparer.Ordinal);
        foreach (Match m in RowPattern().Matches(text))
        {
            var standard = m.Groups["std"].Value.Split('/').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToArray();
            rows[m.Groups["type"].Value] = (standard.Length == 1 ? [standard[0], standard[0], standard[0]] : standard,
                int.Parse(m.Groups["prep"].Value, CultureInfo.InvariantCulture), m.Groups["class"].Value.Trim());
        }
        var escalated = int.Parse(EscalatedPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        return new DocsTimeTable(rows, escalated);
    }

    /// <summary>Measured minutes of an activity: its duration, else the standard minutes for its segment; plus prep.</summary>
    public int Minutes(string type, string segment, string durationText)
    {
        var (standard, prep, _) = _rows[type];
        var duration = durationText.Length > 0
            ? (int)double.Parse(durationText, CultureInfo.InvariantCulture)
            : standard[segment switch { "enterprise" => 0, "mid_market" => 1, _ => 2 }];
        return duration + prep;
    }

    public (int[] Standard, int Prep, string Class) Row(string type) => _rows[type];

    /// <summary>Proactive per docs/metrics.md: the proactive types, and outbound email or call.</summary>
    public bool IsProactive(string type, string direction) =>
        _rows[type].Class.StartsWith("proactive", StringComparison.Ordinal) && (direction != "inbound");

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "time-equation.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("docs/time-equation.md not found above the test directory.");
    }

    [GeneratedRegex(@"^\| (?<type>[a-z_]+) \| (?<class>[^|]+)\| (?<std>[0-9 /]+) \| (?<prep>\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"`escalated_ticket_minutes`: (\d+)")]
    private static partial Regex EscalatedPattern();
}
