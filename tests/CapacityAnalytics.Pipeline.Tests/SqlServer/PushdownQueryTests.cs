using CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class PushdownQueryTests
{
    [Fact]
    public void Usage_events_are_aggregated_to_account_day_on_the_server()
    {
        var sql = PushdownQuery.UsageDaily("select AccountId as account_id, UserId as user_id, Ts as occurred_at from dbo.Events");

        Assert.Equal(
            "select account_id, cast(occurred_at as date) as [date], count(distinct user_id) as active_users, count(*) as events "
            + "from (select AccountId as account_id, UserId as user_id, Ts as occurred_at from dbo.Events) as q "
            + "group by account_id, cast(occurred_at as date)",
            sql);
    }

    [Fact]
    public void A_trailing_semicolon_and_whitespace_are_dropped_from_the_inner_query()
    {
        var sql = PushdownQuery.UsageDaily("  select * from e ;\n");

        Assert.Contains("from (select * from e) as q", sql, StringComparison.Ordinal);
    }
}
