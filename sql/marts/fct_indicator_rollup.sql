-- Leading indicators per week at csm, team, segment and company level. Ratios are computed from summed parts, never
-- averaged across CSMs. Every column after the key is numeric, so early-warning rules can name any of them.
with hours as (
    select * from int_rollup_hours
),

capacity as (
    select * from int_rollup_capacity
),

book as (
    select * from int_rollup_book
),

tickets as (
    select * from int_rollup_tickets
),

workload as (
    select * from model_workload
),

keys as (
    select level, key, week_start from hours
    union
    select level, key, week_start from capacity
    union
    select level, key, week_start from book
),

joined as (
    select
        keys.level,
        keys.key,
        keys.week_start,
        capacity.csms,
        capacity.nominal_hours,
        capacity.time_off_hours,
        capacity.available_hours,
        coalesce(hours.proactive_hours, 0) as proactive_hours,
        coalesce(hours.reactive_hours, 0) as reactive_hours,
        coalesce(hours.ticket_hours, 0) as ticket_hours,
        coalesce(hours.unmapped_hours, 0) as unmapped_hours,
        coalesce(hours.internal_hours, 0) as internal_hours,
        coalesce(book.book_accounts, 0) as book_accounts,
        coalesce(book.book_arr, 0) as book_arr,
        book.owner_time_off_share,
        coalesce(book.onboarding_accounts, 0) as onboarding_accounts,
        coalesce(book.renewals_in_horizon, 0) as renewals_in_horizon,
        coalesce(book.renewal_arr_in_horizon, 0) as renewal_arr_in_horizon,
        coalesce(book.renewal_bunching, 0) as renewal_bunching,
        coalesce(book.accounts_at_risk, 0) as accounts_at_risk,
        coalesce(book.arr_at_risk, 0) as arr_at_risk,
        coalesce(book.proactive_touches, 0) as proactive_touches,
        coalesce(book.accounts_covered_30d, 0) as accounts_covered_30d,
        coalesce(book.accounts_covered_60d, 0) as accounts_covered_60d,
        coalesce(book.accounts_covered_90d, 0) as accounts_covered_90d,
        coalesce(book.arr_covered_30d, 0) as arr_covered_30d,
        coalesce(book.arr_covered_60d, 0) as arr_covered_60d,
        coalesce(book.arr_covered_90d, 0) as arr_covered_90d,
        coalesce(book.accounts_gone_dark, 0) as accounts_gone_dark,
        coalesce(book.qbrs_due, 0) as qbrs_due,
        coalesce(book.qbrs_held, 0) as qbrs_held,
        coalesce(book.no_contact_accounts, 0) as no_contact_accounts,
        book.no_contact_health_drift,
        book.no_contact_usage_drift,
        coalesce(book.no_contact_declining_accounts, 0) as no_contact_declining_accounts,
        coalesce(book.tickets_created, 0) as tickets_created,
        coalesce(book.escalations, 0) as escalations,
        coalesce(book.expansion_opps_opened, 0) as expansion_opps_opened,
        coalesce(book.expansion_meetings, 0) as expansion_meetings,
        tickets.ttfr_median_hours,
        tickets.ttfr_p90_hours,
        workload.customer_facing_share,
    from keys
    cross join workload
    left join hours using (level, key, week_start)
    left join capacity using (level, key, week_start)
    left join book using (level, key, week_start)
    left join tickets using (level, key, week_start)
),

indicators as (
    select
        joined.* exclude (customer_facing_share, owner_time_off_share),
        proactive_hours + reactive_hours + unmapped_hours as customer_hours,
        proactive_hours / nullif(proactive_hours + reactive_hours, 0) as proactive_share,
        (proactive_hours + reactive_hours + unmapped_hours) / nullif(available_hours * customer_facing_share, 0) as utilization,
        -- capacity levels: time off / nominal hours; segments (no capacity): the owners' time-off share, per account
        coalesce(time_off_hours / nullif(nominal_hours, 0), owner_time_off_share) as time_off_share,
        proactive_touches / nullif(book_accounts, 0) as proactive_touches_per_account,
        accounts_covered_30d / nullif(book_accounts, 0) as coverage_30d,
        accounts_covered_60d / nullif(book_accounts, 0) as coverage_60d,
        accounts_covered_90d / nullif(book_accounts, 0) as coverage_90d,
        arr_covered_30d / nullif(book_arr, 0) as arr_coverage_30d,
        arr_covered_60d / nullif(book_arr, 0) as arr_coverage_60d,
        arr_covered_90d / nullif(book_arr, 0) as arr_coverage_90d,
        accounts_gone_dark / nullif(book_accounts, 0) as gone_dark_share,
        qbrs_held / nullif(qbrs_due, 0) as qbr_completion,
        onboarding_accounts / nullif(book_accounts, 0) as onboarding_share,
        expansion_opps_opened / nullif(book_accounts, 0) as expansion_opps_per_account,
        expansion_meetings / nullif(book_accounts, 0) as expansion_meetings_per_account,
    from joined
),

with_trend as (
    select
        indicators.*,
        indicators.ttfr_median_hours - four_weeks_ago.ttfr_median_hours as ttfr_median_trend_hours,
    from indicators
    left join indicators as four_weeks_ago
        on four_weeks_ago.level = indicators.level
        and four_weeks_ago.key = indicators.key
        and four_weeks_ago.week_start = indicators.week_start - 28
)

select * from with_trend
