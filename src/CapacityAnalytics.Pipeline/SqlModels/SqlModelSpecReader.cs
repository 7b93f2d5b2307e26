using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// Reads a model's YAML (<c>model, description, grain, key, columns[name, description, tests], tests</c>). Takes a
/// <see cref="TextReader"/>; errors are one line naming the file and line.
/// </summary>
public static partial class SqlModelSpecReader
{
    private static readonly string[] ColumnTests = ["unique", "not_null", "accepted_values", "relationships"];

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();

    public static SqlModelSpec Read(TextReader reader, string sourceName, string modelName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            throw new SqlModelDefinitionException($"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {reason}", ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SqlModelDefinitionException($"{sourceName}:1: expected a mapping with model, grain, columns and tests.");
        }
        var parser = new Parser(sourceName);
        return parser.Spec(root, modelName);
    }

    private sealed class Parser(string source)
    {
        private SqlModelDefinitionException Error(YamlNode node, string what) =>
            new($"{source}:{node.Start.Line}: {what}");

        public SqlModelSpec Spec(YamlMappingNode root, string modelName)
        {
            foreach (var entry in root.Children.Keys)
            {
                var k = Scalar(entry);
                if (k is not ("model" or "name" or "description" or "grain" or "key" or "columns" or "tests" or "publish" or "written_by" or "incremental"))
                {
                    throw Error(entry, $"unknown key '{k}' (expected model, description, grain, key, columns, tests, publish, written_by, incremental).");
                }
            }
            var declared = Optional(root, "model") ?? Optional(root, "name");
            if (declared is not null && declared != modelName)
            {
                throw Error(root, $"declares model '{declared}' but its SQL file is '{modelName}.sql'.");
            }
            var grain = Optional(root, "grain") ?? throw Error(root, "'grain' is required (e.g. \"one row per CSM per ISO week\").");
            var key = Get(root, "key") is { } keyNode ? Identifiers(keyNode) : [];
            var columns = new List<SqlModelColumn>();
            var tests = new List<SqlModelTest>();
            if (Get(root, "columns") is { } columnsNode)
            {
                foreach (var item in Sequence(columnsNode))
                {
                    var map = item as YamlMappingNode ?? throw Error(item, "a column must be a mapping with name and description.");
                    var name = Ident(Get(map, "name") ?? throw Error(item, "a column needs a name."));
                    columns.Add(new SqlModelColumn(name, Optional(map, "description") ?? ""));
                    if (Get(map, "tests") is { } columnTests)
                    {
                        tests.AddRange(Sequence(columnTests).Select(t => ColumnTest(t, name)));
                    }
                }
            }
            if (Get(root, "tests") is { } modelTests)
            {
                tests.AddRange(Sequence(modelTests).Select(SqlModelTest));
            }
            return new SqlModelSpec(modelName, Optional(root, "description") ?? "", grain, key, columns, tests)
            {
                Publish = Get(root, "publish") is { } publish ? PublishSettings(publish) : null,
                WrittenBy = Optional(root, "written_by"),
                Incremental = Get(root, "incremental") is { } incremental ? IncrementalSettings(incremental) : null,
            };
        }

        // incremental: {partition_by: <column>, affected: <select of the partition values to rebuild>, onward: true|false}
        private SqlModelIncremental IncrementalSettings(YamlNode node)
        {
            var map = node as YamlMappingNode ?? throw Error(node, "incremental is {partition_by: <column>, affected: <select>}.");
            foreach (var entry in map.Children.Keys)
            {
                if (Scalar(entry) is not ("partition_by" or "affected" or "onward")) throw Error(entry, $"unknown incremental key '{Scalar(entry)}' (expected partition_by, affected, onward).");
            }
            var onward = Optional(map, "onward") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw Error(Get(map, "onward")!, $"incremental onward is true or false, not '{other}'."),
            };
            var partition = Ident(Get(map, "partition_by") ?? throw Error(node, "incremental needs partition_by: the column whose values are rebuilt."));
            var affected = Optional(map, "affected");
            if (string.IsNullOrWhiteSpace(affected)) throw Error(node, "incremental needs affected: a select of the partition values to rebuild.");
            return new SqlModelIncremental(partition, affected.Trim().TrimEnd(';'), onward);
        }

        // publish: true, or publish: {order_by: <columns>, partition_by: <expression>, file_by: <expression>}
        private SqlModelPublish? PublishSettings(YamlNode node)
        {
            if (node is YamlScalarNode { Value: "true" or "false" } flag) return flag.Value == "true" ? new SqlModelPublish() : null;
            var map = node as YamlMappingNode ?? throw Error(node, "publish is true, false or {order_by: [columns], partition_by: <expression>}.");
            foreach (var entry in map.Children.Keys)
            {
                if (Scalar(entry) is not ("order_by" or "partition_by" or "file_by")) throw Error(entry, $"unknown publish key '{Scalar(entry)}' (expected order_by, partition_by, file_by).");
            }
            var orderBy = Get(map, "order_by") is { } order ? string.Join(", ", Identifiers(order)) : "all";
            var partitionBy = Optional(map, "partition_by");
            var fileBy = Optional(map, "file_by");
            if (fileBy is not null && partitionBy is null) throw Error(node, "publish file_by splits a partition folder into files: it needs partition_by.");
            return new SqlModelPublish(orderBy, partitionBy, fileBy);
        }

        private SqlModelTest ColumnTest(YamlNode node, string column)
        {
            var (kind, arg) = KindAndArgument(node);
            if (!ColumnTests.Contains(kind)) throw Error(node, $"unknown column test '{kind}' (expected {string.Join(", ", ColumnTests)}).");
            switch (kind)
            {
                case "accepted_values":
                    var valuesNode = arg is YamlMappingNode m ? Get(m, "values") : arg;
                    if (valuesNode is null) throw Error(node, "accepted_values needs a list of values.");
                    return new SqlModelTest(kind, [column], Values: Sequence(valuesNode).Select(Scalar).ToList());
                case "relationships":
                    if (arg is not YamlMappingNode rel) throw Error(node, "relationships needs {to: <model>, field: <column>}.");
                    var to = Ident(Get(rel, "to") ?? throw Error(node, "relationships needs 'to'."));
                    var field = Ident(Get(rel, "field") ?? throw Error(node, "relationships needs 'field'."));
                    return new SqlModelTest(kind, [column], To: to, Field: field);
                default:
                    return new SqlModelTest(kind, [column]);
            }
        }

        private SqlModelTest SqlModelTest(YamlNode node)
        {
            var (kind, arg) = KindAndArgument(node);
            return kind switch
            {
                "unique" when arg is not null => new SqlModelTest(kind, Identifiers(arg)),
                "not_null" when arg is not null => new SqlModelTest(kind, Identifiers(arg)),
                "expression" when arg is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) =>
                    new SqlModelTest(kind, [], Expression: s.Value!.Trim()),
                "expression" => throw Error(node, "expression needs a SQL condition."),
                _ => throw Error(node, $"unknown model test '{kind}' (expected unique: [columns], not_null: [columns], expression: <sql>)."),
            };
        }

        private (string Kind, YamlNode? Argument) KindAndArgument(YamlNode node) => node switch
        {
            YamlScalarNode s => (Scalar(s), null),
            YamlMappingNode m when m.Children.Count == 1 => (Scalar(m.Children.First().Key), m.Children.First().Value),
            _ => throw Error(node, "a test is a name or a one-key mapping (e.g. relationships: {to: dim_csm, field: csm_id})."),
        };

        private List<string> Identifiers(YamlNode node) => node switch
        {
            YamlScalarNode s => [Ident(s)],
            _ => Sequence(node).Select(Ident).ToList(),
        };

        private string Ident(YamlNode node)
        {
            var value = Scalar(node);
            return Identifier().IsMatch(value) ? value : throw Error(node, $"'{value}' is not a lower-case identifier.");
        }

        private string Scalar(YamlNode node) =>
            node is YamlScalarNode { Value: { } v } ? v : throw Error(node, "expected a single value.");

        private IEnumerable<YamlNode> Sequence(YamlNode node) =>
            node as YamlSequenceNode ?? throw Error(node, "expected a list.");

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string? Optional(YamlMappingNode map, string key) => Get(map, key) is { } node ? Scalar(node) : null;
    }
}
