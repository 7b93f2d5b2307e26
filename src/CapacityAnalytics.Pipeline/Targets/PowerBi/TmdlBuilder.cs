using System.Text;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>Writes TMDL lines: one tab per nesting level, LF line ends, <c>///</c> descriptions before an object.</summary>
public sealed class TmdlBuilder
{
    private readonly StringBuilder text = new();

    public TmdlBuilder Line(int level, string line)
    {
        text.Append('\t', level).Append(line).Append('\n');
        return this;
    }

    public TmdlBuilder Blank()
    {
        text.Append('\n');
        return this;
    }

    public TmdlBuilder Description(int level, string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return this;
        foreach (var line in description.Trim().Split('\n'))
        {
            Line(level, "/// " + line.Trim());
        }
        return this;
    }

    /// <summary>An object's default expression: on the same line when it has one line, else below it, two levels in.</summary>
    public TmdlBuilder Expression(int level, string head, string expression)
    {
        var lines = expression.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        if (lines.Length == 1) return Line(level, $"{head} = {lines[0].Trim()}");
        Line(level, head + " =");
        foreach (var line in lines)
        {
            Line(level + 2, line.TrimEnd());
        }
        return this;
    }

    public override string ToString() => text.ToString();
}
