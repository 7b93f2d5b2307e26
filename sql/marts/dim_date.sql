-- Calendar from the earliest contract or activity date to a year after the as-of date (renewals ahead).
with context as (
    select * from run_context
),

bounds as (
    select
        least(context.data_start, coalesce((select min(contract_start) from stg_accounts), context.data_start)) as first_day,
        context.as_of + 366 as last_day,
    from context
),

days as (
    select cast(unnest(generate_series(bounds.first_day, bounds.last_day, interval 1 day)) as date) as date_day
    from bounds
)

select
    date_day,
    cast(date_trunc('week', date_day) as date) as week_start,
    cast(date_trunc('month', date_day) as date) as month_start,
    year(date_day) as year,
    month(date_day) as month,
    isoyear(date_day) as iso_year,
    weekofyear(date_day) as iso_week,
    isodow(date_day) as iso_day_of_week,
    isodow(date_day) >= 6 as is_weekend,
from days
