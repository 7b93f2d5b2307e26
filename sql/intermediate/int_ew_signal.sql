-- The decline family, week by week, per indicator, level and key: current = mean of the values of the last
-- window_weeks; the rolling baseline = mean (and sample sd) of the last baseline_weeks values that have left the window
-- and were not low (a week that breached, or sat in a pending or open alert without being recovered, never feeds a
-- baseline). A week breaches when the baseline it is measured against has at least min_baseline_weeks values and
-- current is below it by at least drop_points and/or drop_sd x sd. From the first breach week the baseline is frozen at
-- its pre-breach value: persist_weeks consecutive breaches open an alert, which stays open until recovery_weeks
-- consecutive weeks are recovered (current within recovery_band x the rule's drop threshold of the frozen baseline).
-- A walk over the weeks (recursive), since whether a week feeds the baseline depends on the alert state before it.
-- A partial build (incremental: onward) walks only the weeks from the earliest one it rebuilds, starting each series
-- from the state its last kept week carries (the walk_* columns, read back through transform_kept); a full build
-- starts every series idle.
with recursive scope as (
    select min(partition_value) as from_week from transform_partitions
),

series as (
    select * from int_ew_series
),

kept as (
    -- the walk's state after each series' last kept week (no rows in a full build)
    select * from (
        select
            null::varchar as indicator,
            null::varchar as level,
            null::varchar as key,
            null::bigint as week_no,
            null::varchar as phase,
            null::double as baseline_value,
            null::double as baseline_sd,
            null::bigint as baseline_weeks,
            null::bigint as walk_breach_run,
            null::bigint as walk_recovered_run,
            null::bigint as walk_episode_no,
            null::double[] as walk_recent,
            null::double[] as walk_pool,
        where false
        union all by name
        select * from transform_kept
    )
    qualify row_number() over (partition by indicator, level, key order by week_no desc) = 1
),

params as (
    select * from model_early_warning
),

rules as (
    select * from int_ew_rules
),

windows as (
    select
        series.indicator,
        series.level,
        series.key,
        series.week_start,
        series.week_no,
        any_value(series.indicator_value) filter (where history.week_no = series.week_no) as week_value,
        exact_avg(history.indicator_value) as current_value,
        count(history.indicator_value) as current_weeks,
    from series
    cross join params
    cross join scope
    inner join series as history
        on history.indicator = series.indicator
        and history.level = series.level
        and history.key = series.key
        and history.week_no > series.week_no - params.window_weeks
        and history.week_no <= series.week_no
    where coalesce(series.week_start >= scope.from_week, true)
    group by series.indicator, series.level, series.key, series.week_start, series.week_no
),

steps as (
    select
        windows.*,
        row_number() over (partition by windows.indicator, windows.level, windows.key order by windows.week_no) as step,
        rules.drop_points,
        rules.drop_sd,
    from windows
    inner join rules using (indicator)
),

walk as (
    -- The state before the first week walked: idle, or what the series' last kept week carries.
    select
        steps.indicator,
        steps.level,
        steps.key,
        cast(0 as bigint) as step,
        cast(null as date) as week_start,
        cast(null as bigint) as week_no,
        cast(null as double) as week_value,
        cast(null as double) as current_value,
        cast(0 as bigint) as current_weeks,
        cast(null as double) as rolling_value,
        cast(null as double) as rolling_sd,
        cast(0 as bigint) as rolling_weeks,
        kept.baseline_value,
        kept.baseline_sd,
        coalesce(kept.baseline_weeks, 0) as baseline_weeks,
        cast(null as double) as drop_value,
        cast(null as double) as drop_threshold,
        false as breach,
        false as recovered,
        coalesce(kept.phase, 'idle') as phase,
        coalesce(kept.walk_breach_run, 0) as breach_run,
        coalesce(kept.walk_recovered_run, 0) as recovered_run,
        coalesce(kept.walk_episode_no, 0) as episode_no,
        coalesce(kept.walk_recent, cast([] as double[])) as recent,
        coalesce(kept.walk_pool, cast([] as double[])) as pool,
    from steps
    left join kept using (indicator, level, key)
    where steps.step = 1

    union all

    select
        judged.indicator,
        judged.level,
        judged.key,
        judged.step,
        judged.week_start,
        judged.week_no,
        judged.week_value,
        judged.current_value,
        judged.current_weeks,
        judged.rolling_value,
        judged.rolling_sd,
        judged.rolling_weeks,
        judged.baseline_value,
        judged.baseline_sd,
        judged.baseline_weeks,
        judged.drop_value,
        judged.drop_threshold,
        judged.breach,
        judged.recovered,
        judged.phase,
        case when judged.phase in ('pending', 'open') and judged.breach then judged.prev_breach_run + 1 else 0 end as breach_run,
        case when judged.phase = 'open' and judged.recovered then judged.prev_recovered_run + 1 else 0 end as recovered_run,
        judged.prev_episode_no + case when judged.prev_phase in ('idle', 'closed') and judged.phase in ('pending', 'open') then 1 else 0 end as episode_no,
        -- The week's value joins the window; a low week joins it empty, so that it never reaches a baseline.
        list_append(
            judged.kept_recent,
            case when judged.breach or (judged.phase in ('pending', 'open') and not judged.recovered) then null else judged.week_value end
        ) as recent,
        judged.pool_now as pool,
    from (
        select
            measured.*,
            case
                when measured.prev_phase in ('idle', 'closed') and measured.breach
                    then case when measured.persist_weeks <= 1 then 'open' else 'pending' end
                when measured.prev_phase in ('idle', 'closed') then 'idle'
                when measured.prev_phase = 'pending' and measured.breach
                    then case when measured.prev_breach_run + 1 >= measured.persist_weeks then 'open' else 'pending' end
                when measured.prev_phase = 'pending' then 'idle'
                when measured.recovered and measured.prev_recovered_run + 1 >= measured.recovery_weeks then 'closed'
                else 'open'
            end as phase,
        from (
            select
                based.*,
                based.baseline_value - based.current_value as drop_value,
                greatest(coalesce(based.drop_points, 0), coalesce(based.drop_sd * coalesce(based.baseline_sd, 0), 0)) as drop_threshold,
                coalesce(
                    based.baseline_weeks >= based.min_baseline_weeks
                        and based.current_weeks >= 1
                        and based.baseline_value - based.current_value > 0
                        and (based.drop_points is null or based.baseline_value - based.current_value >= based.drop_points)
                        and (based.drop_sd is null or based.baseline_value - based.current_value >= based.drop_sd * coalesce(based.baseline_sd, 0)),
                    false
                ) as breach,
                coalesce(
                    based.current_weeks >= 1
                        and based.baseline_value - based.current_value
                            <= based.recovery_band * greatest(coalesce(based.drop_points, 0), coalesce(based.drop_sd * coalesce(based.baseline_sd, 0), 0)),
                    false
                ) as recovered,
            from (
                select
                    pooled.*,
                    list_avg(pooled.pool_now) as rolling_value,
                    list_stddev_samp(pooled.pool_now) as rolling_sd,
                    len(pooled.pool_now) as rolling_weeks,
                    -- Frozen while a breach is pending or an alert open: the baseline of the week before the first breach.
                    case when pooled.prev_phase in ('pending', 'open') then pooled.prev_baseline_value else list_avg(pooled.pool_now) end as baseline_value,
                    case when pooled.prev_phase in ('pending', 'open') then pooled.prev_baseline_sd else list_stddev_samp(pooled.pool_now) end as baseline_sd,
                    case when pooled.prev_phase in ('pending', 'open') then pooled.prev_baseline_weeks else len(pooled.pool_now) end as baseline_weeks,
                from (
                    select
                        steps.indicator,
                        steps.level,
                        steps.key,
                        steps.step,
                        steps.week_start,
                        steps.week_no,
                        steps.week_value,
                        steps.current_value,
                        steps.current_weeks,
                        steps.drop_points,
                        steps.drop_sd,
                        params.min_baseline_weeks,
                        params.persist_weeks,
                        params.recovery_band,
                        params.recovery_weeks,
                        walk.phase as prev_phase,
                        walk.breach_run as prev_breach_run,
                        walk.recovered_run as prev_recovered_run,
                        walk.episode_no as prev_episode_no,
                        walk.baseline_value as prev_baseline_value,
                        walk.baseline_sd as prev_baseline_sd,
                        walk.baseline_weeks as prev_baseline_weeks,
                        -- The week leaving the window enters the pool when it has a value (low weeks were kept empty).
                        case when len(walk.recent) >= params.window_weeks then walk.recent[2:] else walk.recent end as kept_recent,
                        case
                            when len(walk.recent) >= params.window_weeks and walk.recent[1] is not null
                                then list_slice(list_append(walk.pool, walk.recent[1]), greatest(len(walk.pool) + 2 - params.baseline_weeks, 1), len(walk.pool) + 1)
                            else walk.pool
                        end as pool_now,
                    from walk
                    inner join steps
                        on steps.indicator = walk.indicator
                        and steps.level = walk.level
                        and steps.key = walk.key
                        and steps.step = walk.step + 1
                    cross join params
                ) as pooled
            ) as based
        ) as measured
    ) as judged
)

select
    walk.indicator,
    walk.level,
    walk.key,
    walk.week_start,
    walk.week_no,
    walk.week_value,
    walk.current_value,
    walk.current_weeks,
    walk.rolling_value,
    walk.rolling_sd,
    walk.rolling_weeks,
    walk.baseline_value,
    walk.baseline_sd,
    walk.baseline_weeks,
    walk.drop_value,
    walk.drop_threshold,
    walk.breach,
    walk.recovered,
    walk.phase,
    case when walk.phase in ('pending', 'open', 'closed') then walk.episode_no end as episode_no,
    walk.breach_run as walk_breach_run,
    walk.recovered_run as walk_recovered_run,
    walk.episode_no as walk_episode_no,
    walk.recent as walk_recent,
    walk.pool as walk_pool,
from walk
where walk.step > 0
