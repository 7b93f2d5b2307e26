using System.Text.RegularExpressions;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// Finds the models under a <c>sql/</c> folder and orders them. Dependencies are inferred without templating: any
/// identifier in a model's SQL (outside comments and string literals) that is the name of another model is a
/// dependency. Model names are unique across the folder, so plain SQL stays runnable in any DuckDB shell.
/// </summary>
public static partial class SqlModelCatalog
{
    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifiers();

    /// <summary>The folder of shared SQL macros, created before the models build (not models themselves).</summary>
    public const string MacroFolder = "macros";

    /// <summary>The macro files under <c>sql/macros/</c>, in name order.</summary>
    public static IReadOnlyList<string> MacroFiles(string sqlDirectory)
    {
        var folder = Path.Combine(sqlDirectory, MacroFolder);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal)]
            : [];
    }

    private static bool IsMacroFile(string sqlDirectory, string path) =>
        Path.GetRelativePath(sqlDirectory, path).Replace('\\', '/').StartsWith(MacroFolder + "/", StringComparison.Ordinal);

    /// <summary>All models under <paramref name="sqlDirectory"/>, in dependency order (ties by name).</summary>
    public static IReadOnlyList<SqlModel> Discover(string sqlDirectory)
    {
        if (!Directory.Exists(sqlDirectory))
        {
            throw new SqlModelDefinitionException($"{sqlDirectory}: the SQL model folder does not exist; pass the folder holding staging/, intermediate/ and marts/.");
        }
        var files = Directory.EnumerateFiles(sqlDirectory, "*.sql", SearchOption.AllDirectories)
            .Where(f => !IsMacroFile(sqlDirectory, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = new List<(string Name, string Path, string Sql, SqlModelSpec Spec)>();
        foreach (var path in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!seen.TryAdd(name, path))
            {
                throw new SqlModelDefinitionException($"{path}: model name '{name}' is also used by {seen[name]}; model names must be unique.");
            }
            var yamlPath = Path.ChangeExtension(path, ".yaml");
            if (!File.Exists(yamlPath)) yamlPath = Path.ChangeExtension(path, ".yml");
            if (!File.Exists(yamlPath))
            {
                throw new SqlModelDefinitionException($"{path}: no {name}.yaml beside it; every model documents its grain, columns and tests.");
            }
            SqlModelSpec spec;
            using (var reader = new StreamReader(yamlPath))
            {
                spec = SqlModelSpecReader.Read(reader, yamlPath, name);
            }
            var sql = File.ReadAllText(path).Trim().TrimEnd(';').Trim();
            raw.Add((name, path, sql, spec));
        }
        var sources = SqlSourceReader.ReadFolder(sqlDirectory).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, path, sql, _) in raw)
        {
            CheckSourceReads(sqlDirectory, name, path, sql, sources);
        }
        var names = raw.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var models = raw.Select(r => new SqlModel(r.Name, r.Path, r.Sql, r.Spec, References(r.Sql, names, r.Name))
        {
            Reads = [.. Words(r.Sql).Where(w => !names.Contains(w))],
        }).ToList();
        return Order(models);
    }

    /// <summary>The staging layer alone reads raw tables, and only those <c>sources.yaml</c> declares.</summary>
    private static void CheckSourceReads(string sqlDirectory, string name, string path, string sql, HashSet<string> sources)
    {
        var reads = Words(sql).Where(n => n.StartsWith("raw_", StringComparison.Ordinal)).ToList();
        if (reads.Count == 0) return;
        var layer = Path.GetRelativePath(sqlDirectory, path).Replace('\\', '/').Split('/')[0];
        if (layer != StagingFolder)
        {
            throw new SqlModelDefinitionException($"{path}: model {name} reads {string.Join(", ", reads)}; only staging models read raw tables: read the stg_ model instead.");
        }
        var undeclared = reads.Where(r => !sources.Contains(r)).ToList();
        if (undeclared.Count > 0)
        {
            throw new SqlModelDefinitionException($"{path}: model {name} reads {string.Join(", ", undeclared)}, not declared in {SqlSourceReader.FileName}; declare the raw table there with its columns.");
        }
    }

    /// <summary>The table of the run's as-of date, data start and model version (<see cref="SqlModelParameters"/>).</summary>
    public const string RunContext = "run_context";

    /// <summary>The folder of the staging layer, the only one that reads raw tables.</summary>
    public const string StagingFolder = "staging";

    /// <summary>
    /// Tables declared by a YAML alone (no SQL beside it) because a stage's C# writes them, e.g. the calibrate stage's
    /// <c>capacity_*</c> tables: documented and published like models, never built by the runner.
    /// </summary>
    public static IReadOnlyList<SqlModelSpec> Declared(string sqlDirectory)
    {
        var specs = new List<SqlModelSpec>();
        foreach (var path in Directory.EnumerateFiles(sqlDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) == Path.GetFullPath(sqlDirectory)) continue;
            if (File.Exists(Path.ChangeExtension(path, ".sql"))) continue;
            var name = Path.GetFileNameWithoutExtension(path);
            using var reader = new StreamReader(path);
            var spec = SqlModelSpecReader.Read(reader, path, name);
            if (spec.WrittenBy is null)
            {
                throw new SqlModelDefinitionException($"{path}: no {name}.sql beside it; a table without SQL names the stage that writes it (written_by).");
            }
            specs.Add(spec);
        }
        return specs;
    }

    /// <summary>Every table the SQL layer says is published (models and declared tables), in name order.</summary>
    public static IReadOnlyList<SqlModelSpec> Published(string sqlDirectory) =>
        [.. Discover(sqlDirectory).Select(m => m.Spec).Concat(Declared(sqlDirectory))
            .Where(s => s.Publish is not null)
            .OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The distinct identifiers of <paramref name="sql"/> outside comments and string literals, lower-cased.</summary>
    private static IEnumerable<string> Words(string sql) =>
        Identifiers().Matches(CommentsAndStrings().Replace(sql, " ")).Select(m => m.Value.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Names of known models used as identifiers in <paramref name="sql"/>, other than <paramref name="self"/>.</summary>
    public static IReadOnlyList<string> References(string sql, IReadOnlySet<string> modelNames, string self) =>
        [.. Words(sql).Where(n => n != self && modelNames.Contains(n))];

    /// <summary>Topological order (Kahn), ties broken by name so the order is deterministic; a cycle is an error.</summary>
    public static IReadOnlyList<SqlModel> Order(IReadOnlyList<SqlModel> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var pending = models.ToDictionary(m => m.Name, m => m.DependsOn.Count(byName.ContainsKey), StringComparer.Ordinal);
        var ready = new SortedSet<string>(pending.Where(p => p.Value == 0).Select(p => p.Key), StringComparer.Ordinal);
        var ordered = new List<SqlModel>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            ordered.Add(byName[next]);
            foreach (var m in models.Where(m => m.DependsOn.Contains(next)))
            {
                if (--pending[m.Name] == 0) ready.Add(m.Name);
            }
        }
        if (ordered.Count != models.Count)
        {
            var stuck = models.Where(m => !ordered.Contains(m)).Select(m => m.Name).Order(StringComparer.Ordinal);
            var first = byName[stuck.First()];
            throw new SqlModelDefinitionException($"{first.SqlPath}: dependency cycle among {string.Join(", ", stuck)}.");
        }
        return ordered;
    }
}
