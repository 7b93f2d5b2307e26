using System.Text;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// What a run's output depends on, hashed: the source files (path, size, content), the capacity model file, the
/// pipeline file and the SQL models. <c>run_input</c> keeps them for every successful run, with the stages it ran, so
/// the next run can tell that nothing changed.
/// </summary>
public sealed record RunInputs(string? FilesSha256, string ModelSha256, string PipelineSha256, string SqlSha256)
{
    public const string Table = "run_input";

    public static RunInputs Compute(PipelineConfig config, IReadOnlyList<InputFile>? files, string sqlDirectory)
    {
        string? filesHash = null;
        if (files is not null)
        {
            var text = new StringBuilder();
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                text.Append(file.Entity).Append('\t').Append(file.Path).Append('\t').Append(file.Size).Append('\t').Append(file.ContentHash).Append('\n');
            }
            filesHash = FileHash.Sha256Text(text.ToString());
        }
        return new RunInputs(filesHash, HashOrEmpty(config.ModelPath), HashOrEmpty(config.SourceFile), FolderHash(sqlDirectory));
    }

    public static void Ensure(DuckDBConnection connection) => connection.Execute(
        $"create table if not exists {Table} (run_id varchar primary key, files_sha256 varchar, model_sha256 varchar, "
        + "pipeline_sha256 varchar, sql_sha256 varchar, stages varchar)");

    public void Record(DuckDBConnection connection, string runId, IReadOnlyCollection<string> stages)
    {
        Ensure(connection);
        connection.Execute($"insert or replace into {Table} values ($1, $2, $3, $4, $5, $6)",
            runId, FilesSha256, ModelSha256, PipelineSha256, SqlSha256, string.Join(",", stages));
    }

    /// <summary>
    /// Whether the warehouse already holds this run's result: the latest run that did anything (skipped runs aside)
    /// finished ok, ran at least these stages, on the same inputs. A failed, cancelled or killed run since then may
    /// have changed part of the warehouse, so it never matches.
    /// </summary>
    public bool MatchLatestRun(DuckDBConnection connection, string currentRunId, IReadOnlyCollection<string> stages)
    {
        if (FilesSha256 is null) return false;
        Ensure(connection);
        using var command = connection.Command($"""
            select r.status, i.files_sha256, i.model_sha256, i.pipeline_sha256, i.sql_sha256, i.stages
            from pipeline_run r left join {Table} i on i.run_id = r.run_id
            where r.status <> 'skipped' and r.run_id <> $1
            order by r.started desc, r.run_id desc
            limit 1
            """, currentRunId);
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.GetString(0) != "ok" || reader.IsDBNull(1)) return false;
        var ran = reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return reader.GetString(1) == FilesSha256 && reader.GetString(2) == ModelSha256 && reader.GetString(3) == PipelineSha256
            && reader.GetString(4) == SqlSha256 && stages.All(s => ran.Contains(s, StringComparer.Ordinal));
    }

    private static string HashOrEmpty(string path) => File.Exists(path) ? FileHash.Sha256(path) : "";

    private static string FolderHash(string folder)
    {
        if (!Directory.Exists(folder)) return "";
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(folder, file)).Append('\t').Append(FileHash.Sha256(file)).Append('\n');
        }
        return FileHash.Sha256Text(text.ToString());
    }
}
