using System.Buffers;
using System.Net;
using System.Text;
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

    public static string Render(DashboardPage page, Dictionary<string, object?> data, MeasureCatalog catalog, string? asOf) =>
        Render(page, DataJson(data), catalog, asOf).Html;

    /// <summary>A page's data as the JSON the page carries.</summary>
    public static string DataJson(Dictionary<string, object?> data) => JsonSerializer.Serialize(data, JsonOptions);

    /// <summary>
    /// The page around its data, already as JSON (<see cref="DataJson"/>); the data's JSON is the text of the page
    /// from <see cref="RenderedPage.DataStart"/> on, for <c>dataJson.Length</c> characters.
    /// </summary>
    public static RenderedPage Render(DashboardPage page, string dataJson, MeasureCatalog catalog, string? asOf)
    {
        // The payload as one JSON object; its data, the last member, goes in as it is.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder, Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("page", page.Id);
            writer.WriteString("title", page.Title);
            writer.WriteString("asOf", asOf);
            writer.WritePropertyName("measures");
            JsonSerializer.Serialize(writer, catalog.Measures.ToDictionary(
                m => m.Name,
                m => new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = m.Format, ["description"] = m.Description, ["table"] = m.Table },
                StringComparer.Ordinal), JsonOptions);
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson, skipInputValidation: true);
            writer.WriteEndObject();
        }
        var payload = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode(page.Title),
            ["page"] = WebUtility.HtmlEncode(page.Id),
            ["nav"] = Navigation(page),
            ["as_of"] = WebUtility.HtmlEncode(asOf ?? "no data yet"),
            ["audience"] = WebUtility.HtmlEncode(page.Audience),
            ["css"] = DashboardAssets.Styles,
            ["data"] = payload,
            ["chart_library"] = WebUtility.HtmlEncode(DashboardAssets.ChartLibraryPath),
            ["common_script"] = Script(DashboardAssets.CommonScript),
            ["page_script"] = Script(DashboardAssets.PageScript(page)),
        };
        // One pass: text inserted for one placeholder is never scanned for another.
        var dataStart = -1;
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(DashboardAssets.Template))
        {
            html.Append(DashboardAssets.Template, at, m.Index - at);
            var name = m.Groups[1].Value;
            if (!values.TryGetValue(name, out var value)) throw new InvalidOperationException($"page.html: unknown placeholder {m.Value}");
            if (name == "data") dataStart = html.Length + payload.Length - 1 - dataJson.Length;
            html.Append(value);
            at = m.Index + m.Length;
        }
        html.Append(DashboardAssets.Template, at, DashboardAssets.Template.Length - at);
        return new RenderedPage(html.ToString(), dataStart);
    }

    private static string Navigation(DashboardPage current) => string.Concat(DashboardPage.All.Select(p =>
        $"<a href=\"{WebUtility.HtmlEncode(p.FileName)}\"{(p == current ? " class=\"active\" aria-current=\"page\"" : "")}>"
        + $"{WebUtility.HtmlEncode(p.Title)}<small>{WebUtility.HtmlEncode(p.Audience)}</small></a>"));

    private static string Script(string code) => code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>A rendered page, and where its data's JSON starts in it (-1 when the template has no data).</summary>
public sealed record RenderedPage(string Html, int DataStart);
