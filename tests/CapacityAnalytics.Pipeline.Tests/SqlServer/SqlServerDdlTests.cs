using CapacityAnalytics.Pipeline.Targets.SqlServer;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class SqlServerDdlTests
{
    private static readonly SqlServerColumn[] Columns =
    [
        new("account_id", "VARCHAR", "nvarchar(4000)", ValueKind.AsIs),
        new("arr", "DECIMAL(18,2)", "decimal(18,2)", ValueKind.AsIs),
        new("odd] name", "TIMESTAMP WITH TIME ZONE", "datetimeoffset(6)", ValueKind.InstantWithOffset),
    ];

    [Fact]
    public void Create_table_lists_quoted_columns_with_their_types_all_nullable()
    {
        Assert.Equal(
            "create table [capacity].[dim_account__incoming] (\n"
            + "    [account_id] nvarchar(4000) null,\n"
            + "    [arr] decimal(18,2) null,\n"
            + "    [odd]] name] datetimeoffset(6) null\n"
            + ");",
            SqlServerDdl.CreateTable("capacity", "dim_account__incoming", Columns));
    }

    [Fact]
    public void The_schema_is_created_only_when_missing()
    {
        Assert.Equal(
            "if schema_id(N'cap''s]') is null exec(N'create schema [cap''s]]]');",
            SqlServerDdl.CreateSchema("cap's]"));
    }

    [Fact]
    public void Drop_tolerates_a_missing_table()
    {
        Assert.Equal("drop table if exists [capacity].[dim_csm__incoming];", SqlServerDdl.DropTable("capacity", "dim_csm__incoming"));
    }

    [Fact]
    public void The_SQL_Server_swap_renames_every_table_in_one_transaction()
    {
        Assert.Equal(
            "set xact_abort on;\n"
            + "begin tran;\n"
            + "drop table if exists [capacity].[dim_account__previous];\n"
            + "if object_id(N'[capacity].[dim_account]', N'U') is not null exec sp_rename N'[capacity].[dim_account]', N'dim_account__previous';\n"
            + "exec sp_rename N'[capacity].[dim_account__incoming]', N'dim_account';\n"
            + "drop table if exists [capacity].[dim_account__previous];\n"
            + "drop table if exists [capacity].[fct_activity__previous];\n"
            + "if object_id(N'[capacity].[fct_activity]', N'U') is not null exec sp_rename N'[capacity].[fct_activity]', N'fct_activity__previous';\n"
            + "exec sp_rename N'[capacity].[fct_activity__incoming]', N'fct_activity';\n"
            + "drop table if exists [capacity].[fct_activity__previous];\n"
            + "commit;",
            SqlServerDdl.Swap("capacity", ["dim_account", "fct_activity"], SqlDialect.SqlServer));
    }

    [Fact]
    public void The_Fabric_swap_recreates_each_table_from_its_staging_copy_in_one_transaction()
    {
        Assert.Equal(
            "set xact_abort on;\n"
            + "begin tran;\n"
            + "drop table if exists [capacity].[dim_account];\n"
            + "create table [capacity].[dim_account] as select * from [capacity].[dim_account__incoming];\n"
            + "drop table [capacity].[dim_account__incoming];\n"
            + "commit;",
            SqlServerDdl.Swap("capacity", ["dim_account"], SqlDialect.Fabric));
    }

    [Fact]
    public void Names_with_quotes_and_brackets_stay_single_identifiers_in_the_swap()
    {
        var swap = SqlServerDdl.Swap("s", ["it's]x"], SqlDialect.SqlServer);

        Assert.Contains("exec sp_rename N'[s].[it''s]]x__incoming]', N'it''s]x';", swap, StringComparison.Ordinal);
    }
}
