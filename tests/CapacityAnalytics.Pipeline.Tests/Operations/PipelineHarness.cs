using System.Globalization;
using System.Text;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Sample;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Operations;

/// <summary>
/// A small generated company (120 accounts, 4 CSMs, 8 months) copied into a temporary folder with a pipeline file
/// beside it, for tests that run the whole pipeline. The company is generated once per test process.
/// </summary>
public sealed class PipelineHarness : IDisposable
{
    private static readonly Lazy<string> Company = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "ca-ops-company-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        SampleCompanyGenerator.Write(new SampleOptions(Accounts: 120, Csms: 4, Months: 8, Seed: 1), folder);
        // Shared by every test of the process, so it goes when the process does (each run used to leave one behind).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    });

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ca-ops-" + Guid.NewGuid().ToString("N"));

    public string Extracts => Path.Combine(Root, "company");

    public string PipelineFile => Path.Combine(Root, "pipeline.yaml");

    public PipelineConfig Config { get; }

    /// <param name="publish">The pipeline file's publish block, one target per line.</param>
    public PipelineHarness(string publish = "  duckdb: {}\n  parquet: { keep: 3 }")
    {
        Directory.CreateDirectory(Extracts);
        foreach (var file in Directory.GetFiles(Company.Value))
        {
            File.Copy(file, Path.Combine(Extracts, Path.GetFileName(file)));
        }
        File.WriteAllText(PipelineFile, $"""
            name: ops
            timezone: UTC
            sources:
              - path: company
                preset: canonical
            out: out
            model: {TestFiles.RepoFile("pipelines/capacity-model.yaml")}
            publish:
            {publish}

            """);
        Config = PipelineConfigLoader.LoadFile(PipelineFile);
    }

    public string ParquetRoot => Path.Combine(Config.OutDirectory, "parquet");

    public RunSummary Run(params string[] stages) => Run(new PipelineRunner(TimeProvider.System, SilentObserver.Instance), stages);

    public RunSummary Run(PipelineRunner runner, params string[] stages) => runner.Run(Config, StageCatalog.For(Config, stages));

    /// <summary>
    /// Starts the real CLI (<c>capacity run</c> on this pipeline) in a child process, reads its output until a line
    /// <paramref name="reached"/> accepts, and SIGKILLs it there; fails when the run ends first.
    /// </summary>
    public void KillWhen(string what, Func<string, bool> reached, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.ArgumentList.Add(CliDll());
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(PipelineFile);
        using var child = System.Diagnostics.Process.Start(start)!;
        child.ErrorDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        var output = new List<string>();
        var killed = false;
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null)
        {
            output.Add(line);
            if (reached(line))
            {
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }
        Assert.True(killed, $"the run never reached {what}:\n{string.Join('\n', output)}");
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(20)));
    }

    /// <summary>One more day off for a CSM on a date no row holds yet: the extract's content changes, its rows stay valid.</summary>
    public void AddDayOff(string csm, string date)
    {
        var file = Path.Combine(Extracts, "time_off.csv");
        var header = File.ReadLines(file).First().Split(',');
        File.AppendAllText(file, string.Join(',', header.Select(h => h switch
        {
            "csm_id" => csm,
            "date" => date,
            "hours" => "8",
            _ => "",
        })) + "\n");
    }

    private static string CliDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = TestFiles.RepoFile(Path.Combine("src", "CapacityAnalytics.Cli", "bin", configuration, "net10.0", "capacity.dll"));
        Assert.True(File.Exists(dll), $"{dll} not found: build src/CapacityAnalytics.Cli");
        return dll;
    }

    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"DataSource={Config.WarehousePath}");
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>A checksum of every table's content (all schemas) but the run log and <paramref name="except"/>: "schema.table rows hash" per line.</summary>
    public string Checksums(params string[] except)
    {
        using var connection = Open();
        var tables = new List<(string Schema, string Table)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select schema_name, table_name from duckdb_tables() where table_name not in ('pipeline_run', 'publish_log') order by 1, 2";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!except.Contains(reader.GetString(1), StringComparer.Ordinal)) tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var text = new StringBuilder();
        foreach (var (schema, table) in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"select count(*)::varchar || ' ' || coalesce(sum(hash(t))::varchar, '-') from \"{schema}\".\"{table}\" t";
            text.Append(schema).Append('.').Append(table).Append(' ').Append(command.ExecuteScalar()).Append('\n');
        }
        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may still be letting go of a file; the temp folder is cleaned by the OS
        }
    }
}
