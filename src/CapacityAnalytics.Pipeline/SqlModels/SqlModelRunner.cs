using System.Diagnostics;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Warehouse;
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

    /// <param name="connection">The warehouse.</param>
    /// <param name="sqlDirectory">The sql/ folder.</param>
    /// <param name="model">The capacity model file, loaded into the model_* parameter tables.</param>
    /// <param name="asOf">The as-of date; null derives it (the latest activity date).</param>
    /// <param name="incremental">
    /// When true and the last build and ingest_change allow it (<see cref="TransformChanges"/>), a model declared
    /// incremental rebuilds only its affected partitions (or nothing when none is affected), and only the tests of
    /// models whose table may have changed run; every other model is rebuilt in full as always.
    /// </param>
    public static SqlModelBuildResult Build(DuckDBConnection connection, string sqlDirectory, CapacityModel model, DateOnly? asOf, bool incremental = false)
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
            var changes = TransformChanges.Open(connection, sqlDirectory, incremental);
            Execute(connection, NoPartitions);
            Execute(connection, NoKept);
            // A model an incremental one reads is compared with its last build when rebuilt in full: unchanged, the
            // incremental reader may still rebuild only its partitions; changed, the rows that differ are kept, and a
            // reader partitioned by a column they have rebuilds their partitions too.
            var readByIncremental = models.Where(m => m.Spec.Incremental is not null).SelectMany(m => m.DependsOn).ToHashSet(StringComparer.Ordinal);
            var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var differences = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var built = new List<BuiltModel>();
            // How each model built so far was built: Full means rebuilt in full and changed (or not compared).
            var asBuilt = new Dictionary<string, ModelBuild>(StringComparer.Ordinal);
            bool Was(string model, ModelBuild how) => asBuilt.GetValueOrDefault(model, ModelBuild.Full) == how;
            var unchangedInputs = changes.Incremental ? UnchangedInputs(connection) : null;
            // The models' tables before the build, read once (a model's table exists once it is built).
            var existing = connection.TableNames();
            foreach (var m in models)
            {
                var watch = Stopwatch.StartNew();
                BuiltModel result;
                try
                {
                    if (unchangedInputs is not null && existing.Contains(m.Name) && m.Reads.All(unchangedInputs)
                        && m.DependsOn.All(d => Was(d, ModelBuild.Kept) || Was(d, ModelBuild.Unchanged)))
                    {
                        // Nothing it reads changed since the last build (same SQL, parameters and as-of date): the table is.
                        result = new BuiltModel(m.Name, 0, 0, ModelBuild.Kept);
                    }
                    else if (changes.Incremental && m.Spec.Incremental is { } partial && existing.Contains(m.Name)
                        && m.DependsOn.Where(d => Was(d, ModelBuild.Full)).All(d => differences.TryGetValue(d, out var columns) && columns.Contains(partial.PartitionBy, StringComparer.Ordinal)))
                    {
                        // What the upstream tables changed in the same partition column: the partitions of their
                        // differing rows (rebuilt in full) or the partitions they rebuilt (incremental, same column).
                        var fromUpstream = m.DependsOn.Where(d => Was(d, ModelBuild.Full))
                            .Select(d => $"select distinct {partial.PartitionBy} from {DifferenceOf(d)}")
                            .Concat(m.DependsOn.Where(d => Was(d, ModelBuild.Partitions) && byName[d].Spec.Incremental!.PartitionBy == partial.PartitionBy)
                                .Select(d => $"select partition_value from {AffectedOf(d)}"))
                            .ToList();
                        result = BuildPartitions(connection, m, partial, fromUpstream);
                    }
                    else
                    {
                        var compare = changes.Incremental && readByIncremental.Contains(m.Name) && existing.Contains(m.Name);
                        if (compare) Execute(connection, $"create or replace temp table {Previous} as select * from {m.Name}");
                        Execute(connection, $"create or replace table {m.Name} as\n{m.Sql}");
                        var same = false;
                        if (compare)
                        {
                            Execute(connection, $"""
                                create or replace temp table {DifferenceOf(m.Name)} as
                                (select * from {m.Name} except all select * from {Previous})
                                union all
                                (select * from {Previous} except all select * from {m.Name})
                                """);
                            same = Scalar<long>(connection, $"select count(*) from {DifferenceOf(m.Name)}") == 0;
                            differences[m.Name] = connection.ColumnNames(m.Name);
                            Execute(connection, $"drop table {Previous}");
                        }
                        result = new BuiltModel(m.Name, 0, 0, same ? ModelBuild.Unchanged : ModelBuild.Full);
                    }
                }
                catch (DuckDBException ex)
                {
                    throw new SqlModelDefinitionException($"{m.SqlPath}: model {m.Name} failed to build: {FirstLine(ex.Message)}", ex);
                }
                asBuilt[m.Name] = result.How;
                built.Add(result with { Seconds = watch.Elapsed.TotalSeconds });
            }
            var rows = RowCounts(connection, built.Select(b => b.Name));
            built = [.. built.Select(b => b with { Rows = rows[b.Name] })];
            // A kept table is the one whose tests passed at the last build (same SQL and YAML: the fingerprint); its
            // tests run again only when one reads a table that may have changed (relationships).
            var kept = built.Where(b => b.How == ModelBuild.Kept).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
            var asBefore = built.Where(b => b.How is ModelBuild.Kept or ModelBuild.Unchanged).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
            var byPartitions = built.Where(b => b.How == ModelBuild.Partitions).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
            var (passed, failures) = RunTests(connection, models, (m, t) => !kept.Contains(m.Name) || (t.To is not null && !kept.Contains(t.To)),
                (m, t) => byPartitions.Contains(m.Name) ? RebuiltRows(m, t, asBefore) : null);
            foreach (var name in byPartitions) Execute(connection, $"drop table if exists {AffectedOf(name)}");
            if (failures.Count > 0)
            {
                throw new SqlModelTestFailedException(failures);
            }
            foreach (var name in differences.Keys) Execute(connection, $"drop table if exists {DifferenceOf(name)}");
            var unmapped = UnmappedTypes(connection, models);
            changes.Commit(connection);
            transaction.Commit();
            return new SqlModelBuildResult(resolvedAsOf, built, passed, total.Elapsed.TotalSeconds, unmapped) { FullReason = changes.FullReason };
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

    private const string Previous = "_transform_previous";
    private const string Affected = "_transform_affected";

    /// <summary>
    /// The partitions a model's partial build rebuilds, which its SQL may read (<c>transform_partitions(partition_value)</c>);
    /// empty, as a date column, in a full build and outside a partial one.
    /// </summary>
    public const string Partitions = "transform_partitions";

    private const string NoPartitions = $"create or replace temp table {Partitions} (partition_value date)";

    /// <summary>
    /// The rows of a model its partial build keeps (every partition it does not rebuild), which its SQL may read
    /// (<c>transform_kept</c>) to carry a state forward from the last kept partition; in a full build, and outside a
    /// partial one, no rows and one column (<c>_none</c>): a model reads it with <c>union all by name</c> under a typed
    /// empty select of the columns it needs.
    /// </summary>
    public const string Kept = "transform_kept";

    private const string NoKept = $"create or replace temp view {Kept} as select null::integer as _none where false";

    private static string DifferenceOf(string model) => $"_transform_difference_{model}";

    /// <summary>
    /// Deletes the affected partitions and inserts the model's rows of them; none affected keeps the table. Affected:
    /// the model's <c>affected</c> select, the partitions of its changed upstream tables (<paramref name="fromUpstream"/>)
    /// and, for an <c>onward</c> model, every partition after the earliest of those.
    /// </summary>
    private static BuiltModel BuildPartitions(DuckDBConnection connection, SqlModel m, SqlModelIncremental partial, IReadOnlyList<string> fromUpstream)
    {
        var column = partial.PartitionBy;
        try
        {
            var selects = string.Join("", fromUpstream.Select(u => $"\nunion all\n{u}"));
            Execute(connection, $"create or replace temp table {Affected} as select distinct a.* from ({partial.Affected}{selects}) as a(partition_value)");
        }
        catch (DuckDBException ex)
        {
            throw new SqlModelDefinitionException($"{m.SqlPath}: the affected partitions of {m.Name} (incremental: affected) cannot be selected: {FirstLine(ex.Message)}", ex);
        }
        if (partial.Onward)
        {
            Execute(connection, $"""
                insert into {Affected}
                select distinct {column} from {m.Name}
                where {column} > (select min(partition_value) from {Affected}) and {column} not in (select partition_value from {Affected})
                """);
        }
        var partitions = Scalar<long>(connection, $"select count(*) from {Affected}");
        if (partitions > 0)
        {
            Execute(connection, $"create or replace temp table {Partitions} as select partition_value from {Affected}");
            Execute(connection, $"delete from {m.Name} where {column} in (select partition_value from {Affected})");
            Execute(connection, $"create or replace temp view {Kept} as select * from {m.Name}");
            Execute(connection, $"insert into {m.Name} by name select * from (\n{m.Sql}\n) as model where model.{column} in (select partition_value from {Affected})");
            Execute(connection, NoPartitions);
            Execute(connection, NoKept);
            // Kept for the model's tests, which need to look only at the rebuilt rows (RebuiltRows).
            Execute(connection, $"create or replace temp table {AffectedOf(m.Name)} as select * from {Affected}");
        }
        Execute(connection, $"drop table {Affected}");
        return new BuiltModel(m.Name, 0, 0, partitions > 0 ? ModelBuild.Partitions : ModelBuild.Kept, partitions);
    }

    private static string AffectedOf(string model) => $"{Affected}_{model}";

    /// <summary>
    /// Whether an identifier a model's SQL holds (<see cref="SqlModel.Reads"/>) names no table that changed since the
    /// last build: one that is no table (a column, a function, a CTE); a raw table unless ingest changed rows of its
    /// entity (<c>raw_&lt;entity&gt;</c>, or the entity's <c>raw_usage_events_daily</c>); <c>run_context</c> unless the
    /// as-of date moved; the <c>model_*</c> parameters (changed, they make the whole build full, like a new data start or
    /// model version: <see cref="TransformChanges"/>); <c>transform_partitions</c> and <c>transform_kept</c>. Any other
    /// table may have changed.
    /// </summary>
    private static Func<string, bool> UnchangedInputs(DuckDBConnection connection)
    {
        var tables = connection.Strings("select distinct lower(table_name) from duckdb_tables()").ToHashSet(StringComparer.Ordinal);
        var entities = connection.Strings($"select distinct entity from {IngestChangeLog.Table}");
        var asOfMoved = Scalar<long>(connection, $"select count(*) from {TransformChanges.AsOfChangeTable}") > 0;
        return word => !tables.Contains(word)
            || word == Partitions
            || word == Kept
            || word.StartsWith("model_", StringComparison.Ordinal)
            || (word == SqlModelCatalog.RunContext && !asOfMoved)
            || (word.StartsWith("raw_", StringComparison.Ordinal)
                && !entities.Any(e => word == "raw_" + e || word.StartsWith("raw_" + e + "_", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The rows a test of a model rebuilt by partitions has to look at, or null for the whole table. The rest of the
    /// table passed the test at the last build, which committed only because every test passed, so a test that can fail
    /// only on rebuilt rows looks at those: the rebuilt partitions for tests of one row at a time (not_null,
    /// accepted_values, an expression without a subquery), for unique over columns that include the partition column
    /// (rows that collide share their partition) and for relationships to a table the build left as it was
    /// (<paramref name="same"/>); for unique over other columns, the rows sharing a value with a rebuilt row (two kept
    /// rows never collide: 470k activities at L are checked through the day's thousand ids).
    /// </summary>
    private static string? RebuiltRows(SqlModel model, SqlModelTest test, HashSet<string> same)
    {
        var partition = model.Spec.Incremental!.PartitionBy;
        var rebuilt = $"select * from {model.Name} where {partition} in (select partition_value from {AffectedOf(model.Name)})";
        switch (test.Kind)
        {
            case "not_null" or "accepted_values":
                return rebuilt;
            case "expression":
                return (test.Expression ?? "").Contains("select", StringComparison.OrdinalIgnoreCase) ? null : rebuilt;
            case "unique" when test.Columns.Contains(partition, StringComparer.Ordinal):
                return rebuilt;
            case "unique":
                var columns = string.Join(", ", test.Columns);
                var match = string.Join(" and ", test.Columns.Select(c => $"{model.Name}.{c} is not distinct from _rebuilt.{c}"));
                return $"select {model.Name}.* from {model.Name} semi join (select distinct {columns} from ({rebuilt})) as _rebuilt on {match}";
            case "relationships" when test.To is not null && same.Contains(test.To):
                return rebuilt;
            default:
                return null;
        }
    }

    /// <summary>The row count of each table, in one query.</summary>
    private static Dictionary<string, long> RowCounts(DuckDBConnection connection, IEnumerable<string> tables)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!tables.Any()) return counts;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = string.Join("\nunion all\n", tables.Select(t => $"select '{t}' as model, count(*) as n from {t}"));
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>Runs the YAML tests of <paramref name="models"/> (already built).</summary>
    /// <param name="connection">The warehouse.</param>
    /// <param name="models">The models whose tests run.</param>
    /// <param name="include">Which tests run; null: all.</param>
    /// <param name="rows">The rows a test looks at when not the model's whole table (SQL of a relation); null: all.</param>
    public static (int Passed, IReadOnlyList<SqlModelTestFailure> Failures) RunTests(DuckDBConnection connection, IReadOnlyList<SqlModel> models,
        Func<SqlModel, SqlModelTest, bool>? include = null, Func<SqlModel, SqlModelTest, string?>? rows = null)
    {
        var tests = models.SelectMany(m => m.Spec.Tests.Where(t => include is null || include(m, t))
            .Select(t => (Model: m, Test: t, Failing: SqlModelTestCompiler.FailingRows(m.Spec, t, rows?.Invoke(m, t))))).ToList();
        var counts = Counts(connection, tests);
        var passed = 0;
        var failures = new List<SqlModelTestFailure>();
        for (var i = 0; i < tests.Count; i++)
        {
            var (m, test, failing) = tests[i];
            if (counts[i] == 0)
            {
                passed++;
                continue;
            }
            var sample = new List<string>();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"select failing_key from ({failing}) order by failing_key limit {SampleSize}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) sample.Add(reader.IsDBNull(0) ? "null" : $"({reader.GetString(0)})");
            failures.Add(new SqlModelTestFailure(m.Name, test.Describe(), counts[i], sample));
        }
        return (passed, failures);
    }

    /// <summary>
    /// How many rows fail each test, counted in batches of one query each: a test on a small table costs less than
    /// the round trip of its own query (200 tests took 0.23 s one by one at L). A batch that cannot run is run test
    /// by test, so the error names the test.
    /// </summary>
    private static long[] Counts(DuckDBConnection connection, List<(SqlModel Model, SqlModelTest Test, string Failing)> tests)
    {
        const int batch = 50;
        var counts = new long[tests.Count];
        for (var from = 0; from < tests.Count; from += batch)
        {
            var to = Math.Min(tests.Count, from + batch);
            var union = string.Join("\nunion all\n", Enumerable.Range(from, to - from).Select(i =>
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"select {i} as test, count(*) as failing from ({tests[i].Failing})")));
            try
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = union;
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }
            catch (DuckDBException)
            {
                for (var i = from; i < to; i++)
                {
                    var (m, test, failing) = tests[i];
                    try
                    {
                        counts[i] = Scalar<long>(connection, $"select count(*) from ({failing})");
                    }
                    catch (DuckDBException ex)
                    {
                        throw new SqlModelDefinitionException($"{m.SqlPath}: test {test.Describe()} of {m.Name} cannot run: {FirstLine(ex.Message)}", ex);
                    }
                }
            }
        }
        return counts;
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
