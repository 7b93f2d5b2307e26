using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public class FixtureSchemaTests
{
    [Fact]
    public void The_bi_fixture_has_exactly_the_columns_and_types_of_the_real_marts()
    {
        // Given the marts built by the SQL models on a small book
        using var models = new TestWarehouse();
        models.Add("csms", new { csm_id = "c1", team = "east", fte = 1.0, weekly_hours = 40.0 });
        models.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 60000.0, contract_start = new DateOnly(2024, 1, 1), renewal_date = new DateOnly(2025, 3, 1) });
        models.Add("activities", new { activity_id = "x1", account_id = "a1", csm_id = "c1", type = "qbr", occurred_at = new DateTime(2025, 1, 6, 10, 0, 0), duration_minutes = 30.0 });
        models.Build();
        using var fixture = new BiWarehouse();
        const string Schema = "select table_name || '.' || column_name || ' ' || data_type as c from information_schema.columns "
            + "where table_name like 'fct\\_%' escape '\\' or table_name like 'dim\\_%' escape '\\' order by table_name, ordinal_position";

        // When both schemas are listed
        var real = models.Rows(Schema).Select(r => (string)r["c"]!).ToList();
        var fixtureColumns = Rows(fixture, Schema);

        // Then they agree, so the measures and pages tested on the fixture run on a real warehouse
        Assert.Equal(real, fixtureColumns);
    }

    private static List<string> Rows(BiWarehouse w, string sql)
    {
        using var command = w.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
