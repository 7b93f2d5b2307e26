using System.Globalization;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample.Tests;

public sealed class SampleContractTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "capacity-sample-contract-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_file_has_the_contract_columns_and_every_value_parses()
    {
        // Given a small company with raw usage events
        var result = SampleCompanyGenerator.Write(new SampleOptions(Accounts: 120, Csms: 8, Months: 10, UsageEventsPerAccountDay: 3), _dir);

        foreach (var entity in InputContract.Entities)
        {
            // When each entity's file is read
            var csv = SampleCsv.Read(result.Paths[entity.Name]);

            // Then its header is the contract's columns and each cell fits its column
            Assert.Equal(entity.Columns.Select(c => c.Name), csv.Header);
            Assert.NotEmpty(csv.Rows);
            foreach (var row in csv.Rows)
            {
                Assert.Equal(entity.Columns.Count, row.Length);
                for (var i = 0; i < row.Length; i++)
                {
                    AssertFits(entity, entity.Columns[i], row[i]);
                }
            }
            Assert.Equal(csv.Rows.Count, result.RowsWritten[entity.Name]);
        }
        Assert.All(SampleCsv.Read(result.Paths["activities"]).Values("type"), t => Assert.Contains(t, InputContract.ActivityTypes));
    }

    [Fact]
    public void Keys_are_unique_and_facts_point_at_known_accounts_and_csms()
    {
        // Given a small company
        var result = SampleCompanyGenerator.Write(new SampleOptions(Accounts: 120, Csms: 8, Months: 10), _dir);
        var accounts = SampleCsv.Read(result.Paths["accounts"]).Values("account_id").ToHashSet();
        var csms = SampleCsv.Read(result.Paths["csms"]).Values("csm_id").ToHashSet();

        foreach (var entity in InputContract.Entities.Where(e => e.Key.Count > 0 && result.Paths.ContainsKey(e.Name)))
        {
            // When its rows are read
            var csv = SampleCsv.Read(result.Paths[entity.Name]);

            // Then keys are unique and references resolve
            var keys = csv.Rows.Select(r => string.Join('|', entity.Key.Select(k => r[csv.Column(k)]))).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            if (entity.Column("account_id") is not null && entity != InputContract.Accounts)
            {
                Assert.All(csv.Values("account_id").Where(v => v.Length > 0), v => Assert.Contains(v, accounts));
            }
            if (entity.Column("csm_id") is not null && entity != InputContract.Csms)
            {
                Assert.All(csv.Values("csm_id").Where(v => v.Length > 0), v => Assert.Contains(v, csms));
            }
        }
    }

    [Fact]
    public void Usage_daily_counts_exactly_the_raw_events_of_each_account_day()
    {
        // Given a small company with raw usage events
        var result = SampleCompanyGenerator.Write(new SampleOptions(Accounts: 40, Csms: 6, Months: 4, UsageEventsPerAccountDay: 6), _dir);
        var events = SampleCsv.Read(result.Paths["usage_events"]);

        // When the raw events are counted per account-day
        var counted = events.Rows
            .GroupBy(r => (r[0], r[2][..10]))
            .ToDictionary(g => g.Key, g => (Events: g.Count(), Users: g.Select(r => r[1]).Distinct(StringComparer.Ordinal).Count()));

        // Then usage_daily holds the same events and active users
        var daily = SampleCsv.Read(result.Paths["usage_daily"]);
        Assert.Equal(counted.Count, daily.Rows.Count);
        foreach (var row in daily.Rows)
        {
            var (eventCount, users) = counted[(row[0], row[1])];
            Assert.Equal(eventCount.ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal(users.ToString(CultureInfo.InvariantCulture), row[2]);
        }
    }

    [Theory]
    [InlineData(5, 1, 1)]
    [InlineData(30, 3, 5)]
    public void A_tiny_company_is_still_written_and_complete(int accounts, int csms, int months)
    {
        // Given options far below the defaults
        var options = new SampleOptions(Accounts: accounts, Csms: csms, Months: months);

        // When the company is written
        var result = SampleCompanyGenerator.Write(options, _dir);

        // Then every account and CSM is there, and the ground truth still names a control CSM
        Assert.Equal(accounts, result.RowsWritten["accounts"]);
        Assert.Equal(csms, result.RowsWritten["csms"]);
        Assert.Single(result.GroundTruth.Controls);
        Assert.Empty(result.GroundTruth.Episodes);
    }

    private static void AssertFits(EntitySpec entity, ColumnSpec column, string value)
    {
        var where = $"{entity.Name}.{column.Name} = '{value}'";
        if (value.Length == 0)
        {
            Assert.False(column.Required, where);
            return;
        }
        switch (column.Type)
        {
            case ColumnType.Date:
                SampleCsv.Date(value);
                break;
            case ColumnType.Timestamp:
                SampleCsv.Timestamp(value);
                break;
            case ColumnType.Boolean:
                Assert.True(value is "true" or "false", where);
                break;
            case ColumnType.Integer:
                Assert.True(long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole), where);
                AssertInRange(column, whole, where);
                break;
            case ColumnType.Decimal:
                Assert.True(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number), where);
                AssertInRange(column, number, where);
                break;
            default:
                if (column.AllowedValues is { } allowed)
                {
                    Assert.Contains(value, allowed);
                }
                break;
        }
    }

    private static void AssertInRange(ColumnSpec column, double value, string where)
    {
        Assert.True(column.Min is null || value >= column.Min, where);
        Assert.True(column.Max is null || value <= column.Max, where);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
