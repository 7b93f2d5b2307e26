namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>A pipeline file (<c>pipelines/*.yaml</c>). Relative paths are relative to the file's folder.</summary>
public sealed class PipelineConfig
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>IANA time zone of naive timestamps in the extracts.</summary>
    public string Timezone { get; set; } = "UTC";
    public List<SourceConfig> Sources { get; set; } = [];
    /// <summary>Output folder: capacity.duckdb, parquet/, dashboard/, powerbi/.</summary>
    public string Out { get; set; } = "out";
    /// <summary>Warehouse file; default OUT/capacity.duckdb.</summary>
    public string? Warehouse { get; set; }
    public string Model { get; set; } = "capacity-model.yaml";
    /// <summary>Largest share of rejected rows per entity before the run fails.</summary>
    public double RejectThreshold { get; set; } = 0.01;
    /// <summary>
    /// DuckDB's memory limit for the run (default 1280MB, e.g. 4GB); beyond it large aggregations spill to a temporary folder
    /// beside the warehouse instead of growing the process.
    /// </summary>
    public string MemoryLimit { get; set; } = "1280MB";
    public PublishConfig Publish { get; set; } = new();
    /// <summary>
    /// The day the run's measures are taken on (YYYY-MM-DD); when absent, the latest activity date. <c>--as-of</c> on
    /// the command line overrides it.
    /// </summary>
    public string? AsOf { get; set; }
    /// <summary>The dates and timestamps a row may hold; outside, the row is rejected.</summary>
    public PlausibleConfig Plausible { get; set; } = new();
    public List<ScheduleConfig> Schedules { get; set; } = [];

    /// <summary>The folder the file was read from; relative paths resolve against it.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string BaseDirectory { get; set; } = ".";

    [YamlDotNet.Serialization.YamlIgnore]
    public string SourceFile { get; set; } = "";

    /// <summary>Where <see cref="AsOf"/> came from, for the run report (the pipeline file's key, or --as-of).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? AsOfSource { get; set; }

    /// <summary><see cref="AsOf"/> parsed (checked when the file is read).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public DateOnly? AsOfDate => AsOf is null ? null : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    public string OutDirectory => Resolve(Out);

    public string WarehousePath => Warehouse is null ? Path.Combine(OutDirectory, "capacity.duckdb") : Resolve(Warehouse);

    public string ModelPath => Resolve(Model);
}

public sealed class SourceConfig
{
    /// <summary>A folder of extracts (or a glob of files).</summary>
    public string? Path { get; set; }
    /// <summary>canonical (default), salesforce, zendesk or hubspot.</summary>
    public string Preset { get; set; } = CanonicalPreset;
    /// <summary>A mapping file the user wrote (docs/mappings.md), relative to the pipeline file; instead of a preset.</summary>
    public string? Mapping { get; set; }
    /// <summary>Values for the preset's or mapping's <c>params</c> (e.g. salesforce <c>arr_field</c>).</summary>
    public Dictionary<string, string>? Params { get; set; }
    /// <summary>When set and the folder is absent, a sample company is generated into it first.</summary>
    public SampleSourceConfig? Sample { get; set; }
    /// <summary>A SQL Server / Azure SQL / Fabric query for one entity.</summary>
    public string? Query { get; set; }
    public string? Entity { get; set; }
    /// <summary>Environment variable holding the connection string (never the string itself).</summary>
    public string? ConnectionEnv { get; set; }

    /// <summary>The preset name of the input contract's own format.</summary>
    public const string CanonicalPreset = "canonical";

    /// <summary>What kind of source this is, decided once from its keys.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public SourceKind Kind => Query is not null ? SourceKind.SqlServerQuery
        : Mapping is null && Preset == CanonicalPreset ? SourceKind.CanonicalFolder
        : SourceKind.PresetFolder;
}

/// <summary>The kinds of source a pipeline reads.</summary>
public enum SourceKind
{
    /// <summary>A folder of extracts in the input contract's format.</summary>
    CanonicalFolder,

    /// <summary>A folder of one vendor's exports, mapped onto the contract by a preset or a user's mapping file.</summary>
    PresetFolder,

    /// <summary>A SQL Server / Azure SQL / Fabric query for one entity.</summary>
    SqlServerQuery,
}

/// <summary><c>plausible:</c> the window of dates and timestamps a row may hold.</summary>
public sealed class PlausibleConfig
{
    /// <summary>No date or timestamp before this day (YYYY-MM-DD).</summary>
    public string Earliest { get; set; } = "2000-01-01";

    /// <summary>Days after the run's clock an event (a timestamp, a usage or health day) may still lie.</summary>
    public double DaysAhead { get; set; } = 1;

    /// <summary>Years after the run's clock a planned date (renewal, contract end, leave) may lie.</summary>
    public int PlannedYearsAhead { get; set; } = 10;

    [YamlDotNet.Serialization.YamlIgnore]
    public DateOnly EarliestDate => DateOnly.ParseExact(Earliest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SampleSourceConfig
{
    public int Accounts { get; set; } = 600;
    public int Csms { get; set; } = 12;
    public int Months { get; set; } = 18;
    public int Seed { get; set; } = 42;
}

public sealed class PublishConfig
{
    public DuckDbTarget? Duckdb { get; set; } = new();
    public ParquetTarget? Parquet { get; set; }
    public DashboardTarget? Dashboard { get; set; }
    public PowerBiTarget? Powerbi { get; set; }
    public SqlServerTarget? Sqlserver { get; set; }
}

public sealed class DuckDbTarget;

public sealed class ParquetTarget
{
    /// <summary>How many past publishes to keep beside the current one.</summary>
    public int Keep { get; set; } = 3;
}

public sealed class DashboardTarget;

public sealed class PowerBiTarget;

public sealed class SqlServerTarget
{
    public string ConnectionEnv { get; set; } = "CAPACITY_SQLSERVER";
    public string Schema { get; set; } = "capacity";
    /// <summary>sqlserver (SQL Server, Azure SQL) or fabric (Fabric Warehouse: varchar, datetime2 in UTC, no sp_rename).</summary>
    public string Dialect { get; set; } = "sqlserver";
    /// <summary>Rows per bulk-copy batch.</summary>
    public int BatchSize { get; set; } = 50_000;
}

public sealed class ScheduleConfig
{
    public string Name { get; set; } = "";
    /// <summary>Quartz cron expression (seconds first), e.g. "0 0 6 * * ?".</summary>
    public string Cron { get; set; } = "";
    /// <summary>Stages to run: ingest, transform, calibrate, publish. Empty: all.</summary>
    public List<string> Stages { get; set; } = [];
}
