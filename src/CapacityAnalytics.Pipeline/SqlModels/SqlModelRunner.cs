using System.Diagnostics;
using CapacityAnalytics.Core.CapacityModelFile;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// Builds the SQL models (staging -> intermediate -> marts) as tables in dependency order inside one transaction,
/// after loading the model file's parameters, then runs every YAML test. A failing test rolls the transaction back,
/// so the tables of the last good build stay.
/// </summary>
public static class SqlModelRunner
{
    private const int SampleSize = 5;

    public static SqlModelBuildResult Build(DuckDBConnection connection, string sqlDirectory, CapacityModel model, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(model);
        var models = SqlModelCatalog.Discover(sqlDirectory);
        var total = Stopwatch.StartNew();
        var transaction = connection.BeginTransaction();
        try
        {
            var resolvedAsOf = SqlModelParameters.Load(connection, model, asOf);
            foreach (var macros in SqlModelCatalog.MacroFiles(sqlDirectory))
            {
                try
                {
                    Execute(connection, File.ReadAllText(macros));
                }
                catch (DuckDBException ex)
                {
                    throw new SqlModelDefinitionException($"{macros}: the macros failed to load: {FirstLine(ex.Message)}", ex);
                }
            }
            var built = new List<BuiltModel>();
            foreach (var m in models)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    Execute(connection, $"create or replace table {m.Name} as\n{m.Sql}");
                }
                catch (DuckDBException ex)
                {
                    throw new SqlModelDefinitionException($"{m.SqlPath}: model {m.Name} failed to build: {FirstLine(ex.Message)}", ex);
                }
                built.Add(new BuiltModel(m.Name, Scalar<long>(connection, $"select count(*) from {m.Name}"), watch.Elapsed.TotalSeconds));
            }
            var (passed, failures) = RunTests(connection, models);
            if (failures.Count > 0)
            {
                throw new SqlModelTestFailedException(failures);
            }
            var unmapped = UnmappedTypes(connection, models);
            transaction.Commit();
            return new SqlModelBuildResult(resolvedAsOf, built, passed, total.Elapsed.TotalSeconds, unmapped);
        }
        finally
        {
            // Disposing rolls back an unfinished build. A failure that invalidated the database (a full disk) makes the
            // rollback fail too: the first cause is the one to report, so the rollback's own error is dropped.
            try
            {
                transaction.Dispose();
            }
            catch (DuckDBException)
            {
            }
        }
    }

    /// <summary>Runs the YAML tests of <paramref name="models"/> (already built).</summary>
    public static (int Passed, IReadOnlyList<SqlModelTestFailure> Failures) RunTests(DuckDBConnection connection, IReadOnlyList<SqlModel> models)
    {
        var passed = 0;
        var failures = new List<SqlModelTestFailure>();
        foreach (var m in models)
        {
            foreach (var test in m.Spec.Tests)
            {
                var failing = SqlModelTestCompiler.FailingRows(m.Spec, test);
                long count;
                var sample = new List<string>();
                try
                {
                    count = Scalar<long>(connection, $"select count(*) from ({failing})");
                    if (count > 0)
                    {
                        using var cmd = connection.CreateCommand();
                        cmd.CommandText = $"select failing_key from ({failing}) order by failing_key limit {SampleSize}";
                        using var reader = cmd.ExecuteReader();
                        while (reader.Read()) sample.Add(reader.IsDBNull(0) ? "null" : $"({reader.GetString(0)})");
                    }
                }
                catch (DuckDBException ex)
                {
                    throw new SqlModelDefinitionException($"{m.SqlPath}: test {test.Describe()} of {m.Name} cannot run: {FirstLine(ex.Message)}", ex);
                }
                if (count == 0) passed++;
                else failures.Add(new SqlModelTestFailure(m.Name, test.Describe(), count, sample));
            }
        }
        return (passed, failures);
    }

    private static List<UnmappedActivityType> UnmappedTypes(DuckDBConnection connection, IReadOnlyList<SqlModel> models)
    {
        var result = new List<UnmappedActivityType>();
        if (models.All(m => m.Name != "int_unmapped_activity_types")) return result;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "select vendor_type, activities from int_unmapped_activity_types order by activities desc, vendor_type";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) result.Add(new UnmappedActivityType(reader.GetString(0), reader.GetInt64(1)));
        return result;
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
