using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

/// <summary>Just enough TMDL reading for the tests: object declarations, names, properties, expression blocks.</summary>
public static partial class TmdlReader
{
    public sealed record Line(int Number, int Level, string Text, bool InExpression);

    /// <summary>Lines with their tab level; expression lines (below a <c>head =</c>) are marked, blank lines dropped.</summary>
    public static IReadOnlyList<Line> Lines(string text)
    {
        var lines = new List<Line>();
        int? expressionLevel = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (raw.Trim().Length == 0) continue;
            var level = raw.Length - raw.TrimStart('\t').Length;
            if (expressionLevel is { } head && level >= head + 2)
            {
                lines.Add(new Line(number, level, raw[level..], true));
                continue;
            }
            expressionLevel = raw.TrimEnd().EndsWith(" =", StringComparison.Ordinal) ? level : null;
            lines.Add(new Line(number, level, raw[level..], false));
        }
        return lines;
    }

    /// <summary>The name after a keyword: <c>measure 'Proactive Share' = ...</c> gives <c>Proactive Share</c>.</summary>
    public static string? Name(string text, string keyword)
    {
        if (!text.StartsWith(keyword + " ", StringComparison.Ordinal)) return null;
        var match = NameToken().Match(text[(keyword.Length + 1)..]);
        var token = match.Groups[1].Value;
        return token.StartsWith('\'') ? token[1..^1].Replace("''", "'", StringComparison.Ordinal) : token;
    }

    /// <summary>The raw name token (with its quotes) after a keyword.</summary>
    public static string? NameToken(string text, string keyword) =>
        text.StartsWith(keyword + " ", StringComparison.Ordinal) ? NameToken().Match(text[(keyword.Length + 1)..]).Groups[1].Value : null;

    [GeneratedRegex(@"^('(?:[^']|'')*'|[^\s=]+)")]
    private static partial Regex NameToken();
}
