using System.Globalization;
using System.Text;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// A wireframe of a report page as an SVG: each visual's box at its position on the 1280 x 720 page, with its title,
/// type and fields. docs/powerbi/*.svg are drawn by it from <see cref="ReportLayout.Pages"/> (a test keeps them equal).
/// Self-contained: no script, no external font or link.
/// </summary>
public static class ReportLayoutSvg
{
    private const int TitleSize = 13;
    private const int TextSize = 10;
    private const double CharWidth = 5.6; // roughly, for the text size in a sans-serif face

    public static string Render(ReportPage page)
    {
        var svg = new StringBuilder();
        Line(svg, Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ReportLayout.PageWidth}\" height=\"{ReportLayout.PageHeight}\" viewBox=\"0 0 {ReportLayout.PageWidth} {ReportLayout.PageHeight}\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">"));
        Line(svg, Invariant($"  <title>{Escape(page.DisplayName)}: report page layout</title>"));
        Line(svg, Invariant($"  <rect x=\"0\" y=\"0\" width=\"{ReportLayout.PageWidth}\" height=\"{ReportLayout.PageHeight}\" fill=\"#f3f2f1\"/>"));
        foreach (var visual in page.Visuals)
        {
            var box = visual.Box;
            var (fill, stroke) = Colors(visual.Type);
            Line(svg, Invariant($"  <g id=\"{Escape(visual.Name)}\">"));
            Line(svg, Invariant($"    <rect x=\"{box.X}\" y=\"{box.Y}\" width=\"{box.Width}\" height=\"{box.Height}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\"/>"));
            var x = box.X + 8;
            var y = box.Y + 8 + TitleSize;
            Line(svg, Invariant($"    <text x=\"{x}\" y=\"{y}\" font-size=\"{TitleSize}\" font-weight=\"600\" fill=\"#252423\">{Escape(Fit(visual.Title, box.Width - 16, TitleSize))}</text>"));
            y += TextSize + 6;
            Line(svg, Invariant($"    <text x=\"{x}\" y=\"{y}\" font-size=\"{TextSize}\" fill=\"#605e5c\">{Escape(visual.Type)}</text>"));
            foreach (var role in visual.Roles)
            {
                foreach (var text in Wrap(role.Name + ": ", role.Fields.Select(Label), box.Width - 16))
                {
                    y += TextSize + 4;
                    if (y > box.Y + box.Height - 6) break;
                    Line(svg, Invariant($"    <text x=\"{x}\" y=\"{y}\" font-size=\"{TextSize}\" fill=\"#3b3a39\">{Escape(Fit(text, box.Width - 16, TextSize))}</text>"));
                }
            }
            Line(svg, "  </g>");
        }
        Line(svg, "</svg>");
        return svg.ToString();
    }

    /// <summary>A field as the wireframe names it: a measure by name, a column as <c>table[column]</c>.</summary>
    public static string Label(ReportField field) => field.Kind switch
    {
        ReportFieldKind.Measure => field.Name,
        ReportFieldKind.Average => $"avg {field.Table}[{field.Name}]",
        _ => $"{field.Table}[{field.Name}]",
    };

    private static (string Fill, string Stroke) Colors(string type) => type switch
    {
        ReportLayout.Slicer => ("#eef4fb", "#6c9bd2"),
        ReportLayout.Card => ("#fff8e6", "#d8a21b"),
        ReportLayout.Table => ("#f1f8f1", "#5b9b5b"),
        _ => ("#ffffff", "#8a8886"),
    };

    /// <summary>
    /// A role's fields as lines of about <paramref name="width"/> pixels, the role's name before the first; a field
    /// longer than a line is cut later by <see cref="Fit"/>.
    /// </summary>
    private static List<string> Wrap(string head, IEnumerable<string> fields, int width)
    {
        var max = (int)(width / CharWidth);
        var lines = new List<string>();
        var line = head;
        foreach (var field in fields)
        {
            var separator = line == head || line.Length == 0 ? "" : ", ";
            if (line.Length + separator.Length + field.Length > max && line != head && line.Length > 0)
            {
                lines.Add(line + ",");
                line = "  " + field;
                continue;
            }
            line += separator + field;
        }
        lines.Add(line);
        return lines;
    }

    /// <summary>The text cut with an ellipsis to about <paramref name="width"/> pixels (titles are bold: wider).</summary>
    private static string Fit(string text, int width, int size)
    {
        var max = (int)(width / (CharWidth * size / TextSize * (size > TextSize ? 1.12 : 1.0)));
        return text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "\u2026";
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder svg, string line) => svg.Append(line).Append('\n');
}
