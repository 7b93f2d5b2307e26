using System.Globalization;
using CapacityAnalytics.Core.Capacity.Planning;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>Today's book as planning reads it: the current customers, the active CSMs and the as-of date.</summary>
public sealed record TodaysBook(IReadOnlyList<PlanningAccount> Accounts, IReadOnlyList<PlanningCsm> Csms, DateOnly AsOf);

/// <summary>Reads the current book for planning (rebalancing, lane recommendation) from the marts at as_of.</summary>
public static class PlanningInputs
{
    /// <summary>Today's book at as_of, with the observed months of the model file's lane rules.</summary>
    public static TodaysBook Read(DuckDBConnection connection, CapacityAnalytics.Core.CapacityModelFile.CapacityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TodaysBook(Accounts(connection, model.Lanes.ObservedMonths), Csms(connection), CalibrationInputs.AsOf(connection));
    }

    /// <summary>
    /// Current customers: owner, segment, the lane they are served in (the owner's role when the owner is an active CSM
    /// with a known lane, else the segment's lane), drivers from fct_account_health and the latest account-month, and the
    /// mean customer hours and tickets per month over the last <paramref name="observedMonths"/> complete months before
    /// as_of's month.
    /// </summary>
    public static IReadOnlyList<PlanningAccount> Accounts(DuckDBConnection connection, int observedMonths)
    {
        using var command = connection.Command($"""
            with context as (select as_of, date_trunc('month', as_of)::date as this_month from run_context),
            latest as (
                select account_id, expansion_active, stakeholders_for_model, product_complexity, onboarding
                from fct_account_month
                qualify row_number() over (partition by account_id order by month_start desc) = 1
            ),
            observed as (
                select m.account_id, avg(m.customer_hours) as hours, avg(m.tickets) as tickets
                from fct_account_month as m
                cross join context as c
                where m.month_start < c.this_month
                    and m.month_start >= c.this_month - to_months({observedMonths.ToString(CultureInfo.InvariantCulture)})
                group by m.account_id
            ),
            active as (
                select csm_id, role
                from dim_csm, context
                where on_roster and role in ('dedicated', 'pooled', 'digital')
                    and (start_date is null or start_date <= context.as_of)
                    and (end_date is null or end_date > context.as_of)
            )
            select a.account_id, a.csm_id, a.segment, coalesce(active.role, a.lane, 'dedicated'), coalesce(a.arr, 0),
                coalesce(latest.product_complexity, a.product_complexity, 3),
                coalesce(latest.stakeholders_for_model, least(a.stakeholders, 12)),
                coalesce(h.onboarding, latest.onboarding, false), coalesce(latest.expansion_active, false),
                a.renewal_date, observed.hours, observed.tickets, coalesce(h.at_risk, false), coalesce(h.gone_dark, false)
            from dim_account as a
            left join active using (csm_id)
            left join latest using (account_id)
            left join observed using (account_id)
            left join fct_account_health as h using (account_id)
            where a.is_customer and a.segment is not null
            order by a.account_id
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<PlanningAccount>();
        while (reader.Read())
        {
            rows.Add(new PlanningAccount(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                reader.GetBoolean(7),
                reader.GetBoolean(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                reader.IsDBNull(10) ? null : reader.GetDouble(10),
                reader.IsDBNull(11) ? null : Convert.ToDouble(reader.GetValue(11), CultureInfo.InvariantCulture),
                reader.GetBoolean(12),
                reader.GetBoolean(13)));
        }
        return rows;
    }

    /// <summary>Active CSMs at as_of: on the roster, started, not left, with a lane role; weekly hours x FTE.</summary>
    public static IReadOnlyList<PlanningCsm> Csms(DuckDBConnection connection)
    {
        using var command = connection.Command("""
            select csm_id, role, coalesce(weekly_hours, 40) * coalesce(fte, 1)
            from dim_csm, run_context as context
            where on_roster and role in ('dedicated', 'pooled', 'digital')
                and (start_date is null or start_date <= context.as_of)
                and (end_date is null or end_date > context.as_of)
            order by csm_id
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<PlanningCsm>();
        while (reader.Read()) rows.Add(new PlanningCsm(reader.GetString(0), reader.GetString(1), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
        return rows;
    }
}
