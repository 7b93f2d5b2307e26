using System.Globalization;
using System.Text;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>The T-SQL text a publish runs: schema, staging tables and the swap. Pure text, so it is tested exactly.</summary>
public static class SqlServerDdl
{
    public const string IncomingSuffix = "__incoming";
    public const string PreviousSuffix = "__previous";

    /// <summary>Creates the schema when missing (create schema must be alone in its batch, hence exec).</summary>
    public static string CreateSchema(string schema) =>
        $"if schema_id({TSql.Literal(schema)}) is null exec({TSql.Literal("create schema " + TSql.Quote(schema))});";

    public static string CreateTable(string schema, string table, IReadOnlyList<SqlServerColumn> columns)
    {
        var text = new StringBuilder();
        text.Append("create table ").Append(TSql.Name(schema, table)).Append(" (\n");
        for (var i = 0; i < columns.Count; i++)
        {
            text.Append("    ").Append(TSql.Quote(columns[i].Name)).Append(' ').Append(columns[i].SqlType).Append(" null")
                .Append(i < columns.Count - 1 ? ",\n" : "\n");
        }
        return text.Append(");").ToString();
    }

    public static string DropTable(string schema, string table) => $"drop table if exists {TSql.Name(schema, table)};";

    /// <summary>
    /// Replaces every published table by its <c>__incoming</c> copy in one transaction, so readers see all old or all
    /// new tables. SQL Server renames (metadata only). Fabric drops the table and re-creates it with CREATE TABLE AS
    /// SELECT from the staging table: some Fabric versions cannot sp_rename a table, ALTER SCHEMA TRANSFER keeps the
    /// name (it would need a staging schema), and CTAS is DDL that Fabric allows inside a transaction.
    /// </summary>
    public static string Swap(string schema, IReadOnlyList<string> tables, SqlDialect dialect)
    {
        var text = new StringBuilder("set xact_abort on;\nbegin tran;\n");
        foreach (var table in tables)
        {
            var current = TSql.Name(schema, table);
            var incoming = TSql.Name(schema, table + IncomingSuffix);
            if (dialect == SqlDialect.Fabric)
            {
                text.Append(DropTable(schema, table)).Append('\n')
                    .Append(CultureInfo.InvariantCulture, $"create table {current} as select * from {incoming};\n")
                    .Append(CultureInfo.InvariantCulture, $"drop table {incoming};\n");
                continue;
            }
            var previous = table + PreviousSuffix;
            text.Append(DropTable(schema, previous)).Append('\n')
                .Append(CultureInfo.InvariantCulture, $"if object_id({TSql.Literal(current)}, N'U') is not null exec sp_rename {TSql.Literal(current)}, {TSql.Literal(previous)};\n")
                .Append(CultureInfo.InvariantCulture, $"exec sp_rename {TSql.Literal(incoming)}, {TSql.Literal(table)};\n")
                .Append(DropTable(schema, previous)).Append('\n');
        }
        return text.Append("commit;").ToString();
    }
}
