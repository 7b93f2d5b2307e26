using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// Fills the page template. Data goes in as JSON inside a <c>script type="application/json"</c> block with every
/// HTML-significant character escaped; the scripts only ever put it on the page as text, never as markup.
/// </summary>
public static partial class DashboardRenderer
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // The default encoder escapes < > & ' and non-ASCII, so no value can close the script block.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static string Render(DashboardPage page, Dictionary<string, object?> data, MeasureCatalog catalog, string? asOf)
    {
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["page"] = page.Id,
            ["title"] = page.Title,
            ["asOf"] = asOf,
            ["measures"] = catalog.Measures.ToDictionary(
                m => m.Name,
                m => new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = m.Format, ["description"] = m.Description, ["table"] = m.Table },
                StringComparer.Ordinal),
            ["data"] = data,
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode(page.Title),
            ["page"] = WebUtility.HtmlEncode(page.Id),
            ["nav"] = Navigation(page),
            ["as_of"] = WebUtility.HtmlEncode(asOf ?? "no data yet"),
            ["audience"] = WebUtility.HtmlEncode(page.Audience),
            ["css"] = DashboardAssets.Styles,
            ["data"] = JsonSerializer.Serialize(payload, JsonOptions),
            ["chart_library"] = WebUtility.HtmlEncode(DashboardAssets.ChartLibraryPath),
            ["common_script"] = Script(DashboardAssets.CommonScript),
            ["page_script"] = Script(DashboardAssets.PageScript(page)),
        };
        // One pass: text inserted for one placeholder is never scanned for another.
        return Placeholder().Replace(DashboardAssets.Template, m =>
            values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"page.html: unknown placeholder {m.Value}"));
    }

    private static string Navigation(DashboardPage current) => string.Concat(DashboardPage.All.Select(p =>
        $"<a href=\"{WebUtility.HtmlEncode(p.FileName)}\"{(p == current ? " class=\"active\" aria-current=\"page\"" : "")}>"
        + $"{WebUtility.HtmlEncode(p.Title)}<small>{WebUtility.HtmlEncode(p.Audience)}</small></a>"));

    private static string Script(string code) => code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
