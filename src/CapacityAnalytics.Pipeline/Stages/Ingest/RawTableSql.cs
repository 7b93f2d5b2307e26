using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// The raw table of a keyed entity from its checked rows: good rows only, the latest version of each key (highest
/// <c>_file_order</c>, then a later <c>modified_at</c>/<c>updated_at</c> where the extract has one, then the later
/// line), contract columns typed in contract order, then <c>_file</c>, <c>_line</c> and the extra columns.
/// </summary>
public static class RawTableSql
{
    private static readonly string[] VersionColumns = ["modified_at", "updated_at"];

    public static string Build(EntitySpec entity, IReadOnlyCollection<string> extras, string checkedRelation)
    {
        var columns = entity.Columns.Select(c => Sql.Identifier(c.Name))
            .Append(LandingColumns.File)
            .Append(LandingColumns.Line)
            .Concat(extras.Select(Sql.Identifier));
        var latest = "";
        if (entity.Key.Count > 0)
        {
            var order = new List<string> { LandingColumns.FileOrder + " desc" };
            order.AddRange(VersionColumns.Where(v => extras.Contains(v, StringComparer.Ordinal))
                .Select(v => $"try_cast({Sql.Identifier(v)} as timestamptz) desc nulls last"));
            order.Add(LandingColumns.Line + " desc");
            latest = $"qualify row_number() over (partition by {string.Join(", ", entity.Key.Select(Sql.Identifier))} order by {string.Join(", ", order)}) = 1";
        }
        return $"""
            select {string.Join(", ", columns)}
            from {checkedRelation}
            where {CheckedRowsSql.Ok}
            {latest}
            order by {LandingColumns.FileOrder}, {LandingColumns.Line}
            """;
    }
}
