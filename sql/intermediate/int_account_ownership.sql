-- Who owns each account, at what ARR and segment, over time. With account_history each row holds from valid_from to
-- the next row; the first row also covers the time before it (nothing earlier is known). Without history an account is
-- static: one open interval with its current owner, ARR and segment.
with accounts as (
    select * from stg_accounts
),

history as (
    select * from stg_account_history
),

history_intervals as (
    select
        history.account_id,
        case
            when row_number() over (partition by history.account_id order by history.valid_from) = 1
                then date '1900-01-01'
            else history.valid_from
        end as valid_from,
        lead(history.valid_from) over (partition by history.account_id order by history.valid_from) as valid_to,
        history.csm_id,
        coalesce(history.arr, accounts.arr) as arr,
        history.segment_given,
    from history
    inner join accounts
        on accounts.account_id = history.account_id
),

static_intervals as (
    select
        accounts.account_id,
        date '1900-01-01' as valid_from,
        cast(null as date) as valid_to,
        accounts.csm_id,
        accounts.arr,
        accounts.segment as segment_given,
    from accounts
    where accounts.account_id not in (select account_id from history)
),

intervals as (
    select * from history_intervals
    union all
    select * from static_intervals
),

segmented as (
    select
        intervals.account_id,
        intervals.valid_from,
        intervals.valid_to,
        coalesce(intervals.valid_to, date '9999-12-31') as valid_until,
        intervals.csm_id,
        intervals.arr,
        account_segment(intervals.segment_given, intervals.arr) as segment,
    from intervals
)

select * from segmented
