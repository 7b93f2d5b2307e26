using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>Reads what the calibration needs from the workload marts.</summary>
public static class CalibrationInputs
{
    public static IReadOnlyList<AccountMonthObservation> AccountMonths(DuckDBConnection connection)
    {
        using var command = connection.Command("""
            select account_id, coalesce(csm_id, ''), month_start, segment, customer_hours, coalesce(product_complexity, 3),
                coalesce(onboarding, false), coalesce(expansion_active, false), stakeholders_for_model, coalesce(arr, 0)
            from fct_account_month
            where segment is not null
            order by account_id, month_start
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<AccountMonthObservation>();
        while (reader.Read())
        {
            rows.Add(new AccountMonthObservation(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                reader.GetDouble(4), Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetBoolean(6), reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetDouble(9)));
        }
        return rows;
    }

    /// <summary>
    /// Observed touches per segment and type over the account-months of fct_account_month. Reactive activities and
    /// tickets together are the inbound volume.
    /// </summary>
    public static IReadOnlyList<TouchpointObservation> Touchpoints(DuckDBConnection connection)
    {
        using var command = connection.Command("""
            with account_months as (
                select segment, count(*) as account_months, sum(tickets) as tickets, sum(ticket_minutes) as ticket_minutes
                from fct_account_month
                where segment is not null
                group by segment
            ),
            touches as (
                select
                    segment,
                    case when activity_class = 'reactive' then 'inbound' else activity_type end as type,
                    count(*) as touches,
                    sum(minutes) as minutes,
                from fct_activity
                where account_id is not null and activity_class in ('proactive', 'reactive') and segment is not null
                group by all
            ),
            with_tickets as (
                select segment, type, touches, minutes from touches where type <> 'inbound'
                union all
                select m.segment, 'inbound', coalesce(t.touches, 0) + coalesce(m.tickets, 0), coalesce(t.minutes, 0) + coalesce(m.ticket_minutes, 0)
                from account_months as m
                left join touches as t on t.segment = m.segment and t.type = 'inbound'
            )
            select w.segment, w.type, w.touches::double, w.minutes::double, m.account_months::double
            from with_tickets as w
            join account_months as m using (segment)
            order by w.segment, w.type
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<TouchpointObservation>();
        while (reader.Read())
        {
            rows.Add(new TouchpointObservation(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }
        return rows;
    }

    /// <summary>Today's book by segment: current customers and their ARR.</summary>
    public static IReadOnlyList<SegmentPortfolio> Portfolio(DuckDBConnection connection)
    {
        using var command = connection.Command(
            "select segment, count(*)::double, coalesce(sum(arr), 0)::double from dim_account where is_customer and segment is not null group by segment order by segment");
        using var reader = command.ExecuteReader();
        var rows = new List<SegmentPortfolio>();
        while (reader.Read()) rows.Add(new SegmentPortfolio(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2)));
        return rows;
    }

    public static DateOnly AsOf(DuckDBConnection connection) => connection.Scalar<DateOnly>("select as_of from run_context");
}
