-- ISO weeks (Monday start) from the week of the first activity to the week of the run's as-of date.
-- ref_date is the day the week's point-in-time measures are taken: its Sunday, or the as-of date in the last week.
with context as (
    select * from run_context
),

weeks as (
    select
        cast(unnest(generate_series(
            date_trunc('week', context.data_start),
            date_trunc('week', context.as_of),
            interval 7 day
        )) as date) as week_start,
    from context
),

described as (
    select
        weeks.week_start,
        weeks.week_start + 6 as week_end,
        least(weeks.week_start + 6, context.as_of) as ref_date,
        cast((weeks.week_start - date '1970-01-05') // 7 as integer) as week_no,
    from weeks
    cross join context
)

select * from described
