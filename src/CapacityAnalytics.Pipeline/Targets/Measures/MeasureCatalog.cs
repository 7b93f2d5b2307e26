using System.Globalization;
using System.Text.RegularExpressions;
using CapacityAnalytics.Core.CapacityModelFile;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>
/// The measures catalog (<c>reports/measures.yaml</c>, embedded in this assembly): one list that drives both the
/// dashboard's SQL and the Power BI project's DAX, so the two never disagree.
/// </summary>
public sealed partial class MeasureCatalog
{
    public const string ResourceName = "CapacityAnalytics.Bi.measures.yaml";

    public IReadOnlyList<Measure> Measures { get; }

    private readonly Dictionary<string, Measure> byName;

    public MeasureCatalog(IReadOnlyList<Measure> measures)
    {
        Measures = measures;
        byName = measures.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public Measure this[string name] =>
        byName.TryGetValue(name, out var measure) ? measure : throw new KeyNotFoundException($"No measure '{name}' in the measures catalog.");

    public IEnumerable<Measure> For(string table) => Measures.Where(m => string.Equals(m.Table, table, StringComparison.Ordinal));

    /// <summary>The catalog shipped with the product, placeholders resolved from the capacity model.</summary>
    public static MeasureCatalog Default(CapacityModel model) => LoadDefault().Resolve(Parameters(model));

    /// <summary>The shipped catalog with its <c>{placeholders}</c> still in place.</summary>
    public static MeasureCatalog LoadDefault()
    {
        using var stream = typeof(MeasureCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Load(reader, "reports/measures.yaml");
    }

    /// <summary>Values of the catalog's placeholders taken from the capacity model file.</summary>
    public static IReadOnlyDictionary<string, double> Parameters(CapacityModel model) => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["customer_facing_share"] = model.AvailableHours.CustomerFacingShare,
    };

    public static MeasureCatalog Load(TextReader reader, string sourceName)
    {
        CatalogFile file;
        try
        {
            file = new DeserializerBuilder().Build().Deserialize<CatalogFile?>(reader) ?? new CatalogFile();
        }
        catch (YamlException ex)
        {
            throw new MeasureCatalogException($"{sourceName}:{ex.Start.Line}: {(ex.InnerException ?? ex).Message.Split('\n')[0]}", ex);
        }
        var measures = new List<Measure>();
        foreach (var entry in file.Measures)
        {
            var where = $"{sourceName}: measure '{entry.Name}'";
            if (string.IsNullOrWhiteSpace(entry.Name)) throw new MeasureCatalogException($"{sourceName}: a measure has no name.");
            if (measures.Any(m => string.Equals(m.Name, entry.Name, StringComparison.Ordinal))) throw new MeasureCatalogException($"{where} is defined twice.");
            if (!TableName().IsMatch(entry.Table ?? "")) throw new MeasureCatalogException($"{where}: 'table' must name a published table.");
            if (string.IsNullOrWhiteSpace(entry.Sql) || string.IsNullOrWhiteSpace(entry.Dax)) throw new MeasureCatalogException($"{where}: both 'sql' and 'dax' are required.");
            measures.Add(new Measure(entry.Name.Trim(), entry.Table!, entry.Description?.Trim() ?? "", entry.Format?.Trim() ?? "", entry.Sql.Trim(), entry.Dax.Trim())
            {
                Window = entry.Window switch
                {
                    null or "all" => MeasureWindow.All,
                    "latest_week" => MeasureWindow.LatestWeek,
                    "previous_week" => MeasureWindow.PreviousWeek,
                    "last_4_weeks" => MeasureWindow.Last4Weeks,
                    "week_over_week" => MeasureWindow.WeekOverWeek,
                    _ => throw new MeasureCatalogException($"{where}: window '{entry.Window}' is not all, latest_week, previous_week, last_4_weeks or week_over_week."),
                },
                Period = entry.Period ?? "week_start",
            });
        }
        return new MeasureCatalog(measures);
    }

    /// <summary>Replaces <c>{name}</c> in both expressions; an unknown or unresolved placeholder is an error.</summary>
    public MeasureCatalog Resolve(IReadOnlyDictionary<string, double> parameters)
    {
        string Substitute(Measure measure, string text) => Placeholder().Replace(text, match =>
            parameters.TryGetValue(match.Groups[1].Value, out var value)
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : throw new MeasureCatalogException($"measure '{measure.Name}': unknown parameter {{{match.Groups[1].Value}}}."));
        return new MeasureCatalog([.. Measures.Select(m => m with { Sql = Substitute(m, m.Sql), Dax = Substitute(m, m.Dax) })]);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex TableName();

    private sealed class CatalogFile
    {
        [YamlMember(Alias = "measures")]
        public List<CatalogEntry> Measures { get; set; } = [];
    }

    private sealed class CatalogEntry
    {
        [YamlMember(Alias = "name")] public string Name { get; set; } = "";
        [YamlMember(Alias = "table")] public string? Table { get; set; }
        [YamlMember(Alias = "description")] public string? Description { get; set; }
        [YamlMember(Alias = "format")] public string? Format { get; set; }
        [YamlMember(Alias = "sql")] public string Sql { get; set; } = "";
        [YamlMember(Alias = "dax")] public string Dax { get; set; } = "";
        [YamlMember(Alias = "window")] public string? Window { get; set; }
        [YamlMember(Alias = "period")] public string? Period { get; set; }
    }
}
