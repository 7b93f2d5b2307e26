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

    /// <summary>
    /// The book's growth per month by segment over the <paramref name="months"/> complete months before the as-of
    /// month (fewer when the marts start later: the totals are divided by the months the marts hold in the window).
    /// New logos: contract_start in the window, in the segment and at the ARR of their first month (else dim_account's);
    /// churned: churned_on in the window, at the segment and ARR of their last month; expansion: the ARR increases of
    /// one month over the account's previous month, in the month's segment.
    /// </summary>
    public static (IReadOnlyList<SegmentGrowth> Growth, int Months) TrailingGrowth(DuckDBConnection connection, int months)
    {
        using var command = connection.Command($"""
            with win as (
                select date_trunc('month', as_of)::date as month0, (date_trunc('month', as_of) - interval {months} month)::date as first_month
                from run_context
            ),
            held as (
                select greatest(count(distinct f.month_start), 1) as months
                from fct_account_month as f, win
                where f.month_start >= win.first_month and f.month_start < win.month0
            ),
            first_row as (
                select account_id, arg_min(segment, month_start) as segment, arg_min(arr, month_start) as arr
                from fct_account_month group by account_id
            ),
            last_row as (
                select account_id, arg_max(segment, month_start) as segment, arg_max(arr, month_start) as arr
                from fct_account_month group by account_id
            ),
            new_logos as (
                select coalesce(f.segment, a.segment) as segment, count(*) as accounts, sum(coalesce(f.arr, a.arr, 0)) as arr
                from dim_account as a
                cross join win
                left join first_row as f using (account_id)
                where a.contract_start >= win.first_month and a.contract_start < win.month0
                group by all
            ),
            churned as (
                select coalesce(l.segment, a.segment) as segment, count(*) as accounts, sum(coalesce(l.arr, a.arr, 0)) as arr
                from dim_account as a
                cross join win
                left join last_row as l using (account_id)
                where a.churned_on >= win.first_month and a.churned_on < win.month0
                group by all
            ),
            steps as (
                select segment, month_start, arr,
                    lag(arr) over (partition by account_id order by month_start) as previous_arr,
                    lag(month_start) over (partition by account_id order by month_start) as previous_month
                from fct_account_month
            ),
            expansion as (
                select s.segment, sum(greatest(coalesce(s.arr, 0) - coalesce(s.previous_arr, 0), 0)) as arr
                from steps as s, win
                where s.month_start >= win.first_month and s.month_start < win.month0
                    and s.previous_month = (s.month_start - interval 1 month)::date
                group by all
            ),
            segments as (
                select segment from new_logos union select segment from churned union select segment from expansion
            )
            select s.segment,
                coalesce(n.accounts, 0)::double / h.months, coalesce(n.arr, 0)::double / h.months,
                coalesce(c.accounts, 0)::double / h.months, coalesce(c.arr, 0)::double / h.months,
                coalesce(e.arr, 0)::double / h.months, h.months
            from segments as s
            cross join held as h
            left join new_logos as n using (segment)
            left join churned as c using (segment)
            left join expansion as e using (segment)
            where s.segment is not null
            order by s.segment
            """);
        var held = connection.ScalarLong($"""
            select greatest(count(distinct month_start), 1) from fct_account_month, run_context
            where month_start >= (date_trunc('month', as_of) - interval {months} month)::date and month_start < date_trunc('month', as_of)::date
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<SegmentGrowth>();
        while (reader.Read())
        {
            rows.Add(new SegmentGrowth(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
        }
        return (rows, (int)held);
    }

    /// <summary>The roster's CSMs active on the as-of day (started, not ended), with the customers of each segment in their book.</summary>
    public static IReadOnlyList<CsmBook> CsmBooks(DuckDBConnection connection)
    {
        using var command = connection.Command("""
            select c.csm_id, coalesce(c.role, ''), coalesce(c.fte, 1)::double, a.segment, count(a.account_id)::double
            from dim_csm as c
            cross join run_context as r
            left join dim_account as a on a.csm_id = c.csm_id and a.is_customer and a.segment is not null
            where c.on_roster
                and (c.start_date is null or c.start_date <= r.as_of)
                and (c.end_date is null or c.end_date >= r.as_of)
            group by all
            order by c.csm_id, a.segment
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<(string Id, string Role, double Fte, string? Segment, double Accounts)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetDouble(4)));
        }
        return [.. rows.GroupBy(r => (r.Id, r.Role, r.Fte)).Select(g => new CsmBook(g.Key.Id, g.Key.Role, g.Key.Fte,
            g.Where(r => r.Segment is not null).ToDictionary(r => r.Segment!, r => r.Accounts, StringComparer.Ordinal)))];
    }

    /// <summary>The calibrated hours per account-month by segment the last calibration left (capacity_fit_quality's
    /// fitted mean); null when no calibration has run on this warehouse.</summary>
    public static IReadOnlyDictionary<string, double>? CalibratedHours(DuckDBConnection connection)
    {
        if (!connection.TableExists("capacity_fit_quality")) return null;
        using var command = connection.Command("select segment, predicted_mean from capacity_fit_quality where predicted_mean is not null order by segment");
        using var reader = command.ExecuteReader();
        var hours = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read()) hours[reader.GetString(0)] = reader.GetDouble(1);
        return hours.Count == 0 ? null : hours;
    }

    public static DateOnly AsOf(DuckDBConnection connection) => connection.Scalar<DateOnly>("select as_of from run_context");
}
