using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Checks an extract folder without loading it: the same landing and typing code as ingest, in an in-memory DuckDB
/// that is thrown away; every problem is listed rather than stopping at the first.
/// </summary>
public static class ExtractValidator
{
    public static IReadOnlyList<ExtractProblem> Validate(string folder, IngestOptions? options = null)
    {
        options ??= IngestOptions.Default;
        var problems = new List<ExtractProblem>();
        var extract = ExtractDiscovery.Discover(folder);
        problems.AddRange(extract.UnknownFiles.Select(f =>
            new ExtractProblem(null, f, null, null, null, "not a file of any entity (by name or folder); ignored")));
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        RejectsTable.Recreate(connection);
        foreach (var entity in InputContract.Entities)
        {
            var files = extract.FilesOf(entity);
            if (files.Count == 0)
            {
                if (!entity.Optional)
                {
                    problems.Add(new ExtractProblem(entity.Name, folder, null, null, null, new MissingEntityException(folder, entity.Name).Message));
                }
                continue;
            }
            try
            {
                IngestService.LoadEntity(connection, entity, files, options);
            }
            catch (MissingColumnException e)
            {
                problems.Add(new ExtractProblem(entity.Name, e.File, 1, e.Column, null, e.Message));
            }
            catch (IngestException e)
            {
                problems.Add(new ExtractProblem(entity.Name, files[0].Path, null, null, null, e.Message));
            }
        }
        problems.AddRange(ReadRejects(connection));
        return problems;
    }

    private static List<ExtractProblem> ReadRejects(DuckDBConnection connection)
    {
        var result = new List<ExtractProblem>();
        using var command = connection.Command($"select entity, file, line, \"column\", value, reason from {RejectsTable.Name}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ExtractProblem(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5)));
        }
        return result;
    }
}
