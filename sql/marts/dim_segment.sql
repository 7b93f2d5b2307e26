-- Segments of the model file with their current book.
with segments as (
    select * from model_segment
),

current_accounts as (
    select
        segment,
        count(*) as accounts,
        sum(arr) as arr,
    from dim_account
    where is_customer
    group by all
)

select
    segments.name as segment,
    segments.min_arr,
    segments.max_arr,
    segments.lane,
    segments.qbr_every_months,
    coalesce(current_accounts.accounts, 0) as accounts,
    coalesce(current_accounts.arr, 0) as arr,
from segments
left join current_accounts
    on current_accounts.segment = segments.name
