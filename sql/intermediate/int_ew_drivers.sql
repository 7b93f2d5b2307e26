-- What else changed, window vs baseline, per level, key and week: the likely causes an alert names.
with rollup as (
    select * from fct_indicator_rollup
),

params as (
    select * from model_early_warning
),

weeks as (
    select * from int_calendar_weeks
),

workload as (
    select * from model_workload
),

-- The day the last onboarding account of each book leaves the onboarding window.
onboarding_ends as (
    select
        account_weeks.week_start,
        rollup_level(grouping(account_weeks.csm_id), grouping(account_weeks.team), grouping(account_weeks.segment)) as level,
        rollup_key(grouping(account_weeks.csm_id), grouping(account_weeks.team), grouping(account_weeks.segment),
            account_weeks.csm_id, account_weeks.team, account_weeks.segment) as key,
        max(account_weeks.contract_start + workload.onboarding_window_days) as onboarding_ends_on,
    from int_account_weeks as account_weeks
    cross join workload
    where account_weeks.onboarding
    group by grouping sets (
        (account_weeks.week_start, account_weeks.csm_id),
        (account_weeks.week_start, account_weeks.team),
        (account_weeks.week_start, account_weeks.segment),
        (account_weeks.week_start)
    )
),

numbered as (
    select
        rollup.level,
        rollup.key,
        rollup.week_start,
        weeks.week_no,
        rollup.book_accounts,
        rollup.onboarding_accounts,
        rollup.escalations,
        coalesce(rollup.time_off_hours, 0) as time_off_hours,
    from rollup
    inner join weeks using (week_start)
),

compared as (
    select
        numbered.level,
        numbered.key,
        numbered.week_start,
        avg(history.book_accounts) filter (where history.week_no > numbered.week_no - params.window_weeks) as window_book_accounts,
        avg(history.book_accounts) filter (where history.week_no <= numbered.week_no - params.window_weeks) as baseline_book_accounts,
        avg(history.onboarding_accounts) filter (where history.week_no > numbered.week_no - params.window_weeks) as window_onboarding_accounts,
        avg(history.onboarding_accounts) filter (where history.week_no <= numbered.week_no - params.window_weeks) as baseline_onboarding_accounts,
        avg(history.escalations) filter (where history.week_no > numbered.week_no - params.window_weeks) as window_escalations,
        avg(history.escalations) filter (where history.week_no <= numbered.week_no - params.window_weeks) as baseline_escalations,
        coalesce(sum(history.time_off_hours) filter (where history.week_no > numbered.week_no - params.window_weeks), 0) as window_time_off_hours,
    from numbered
    cross join params
    inner join numbered as history
        on history.level = numbered.level
        and history.key = numbered.key
        and history.week_no > numbered.week_no - params.window_weeks - params.baseline_weeks
        and history.week_no <= numbered.week_no
    group by numbered.level, numbered.key, numbered.week_start
),

causes as (
    select
        compared.*,
        compared.window_book_accounts - compared.baseline_book_accounts as book_growth_accounts,
        cast(ceil((onboarding_ends.onboarding_ends_on - numbered_week.ref_date) / 7) as bigint) as onboarding_weeks_left,
        nullif(concat_ws('; ',
            case when compared.window_book_accounts > compared.baseline_book_accounts * (1 + params.cause_growth) then 'book grew' end,
            case when compared.window_time_off_hours > 0 then 'time off in window' end,
            case
                when compared.window_onboarding_accounts >= 1
                    and compared.window_onboarding_accounts > coalesce(compared.baseline_onboarding_accounts, 0) * (1 + params.cause_growth)
                    then 'onboarding wave'
            end,
            case
                when compared.window_escalations > 0
                    and compared.window_escalations > coalesce(compared.baseline_escalations, 0) * (1 + params.cause_growth)
                    then 'escalations up'
            end
        ), '') as likely_cause,
    from compared
    cross join params
    inner join weeks as numbered_week
        on numbered_week.week_start = compared.week_start
    left join onboarding_ends
        on onboarding_ends.level = compared.level
        and onboarding_ends.key = compared.key
        and onboarding_ends.week_start = compared.week_start
)

select * from causes
