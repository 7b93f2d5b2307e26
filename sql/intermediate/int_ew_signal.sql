-- Rolling window vs trailing baseline for each watched indicator: current = mean of the last window_weeks values,
-- baseline = mean (and sample sd) of the baseline_weeks before the window. A week breaches when the baseline has at
-- least min_baseline_weeks values and current is below baseline by at least drop_points and/or drop_sd x sd.
with series as (
    select * from int_ew_series
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
        avg(history.indicator_value) filter (where history.week_no > series.week_no - params.window_weeks) as current_value,
        count(history.indicator_value) filter (where history.week_no > series.week_no - params.window_weeks) as current_weeks,
        avg(history.indicator_value) filter (where history.week_no <= series.week_no - params.window_weeks) as baseline_value,
        stddev_samp(history.indicator_value) filter (where history.week_no <= series.week_no - params.window_weeks) as baseline_sd,
        count(history.indicator_value) filter (where history.week_no <= series.week_no - params.window_weeks) as baseline_weeks,
    from series
    cross join params
    inner join series as history
        on history.indicator = series.indicator
        and history.level = series.level
        and history.key = series.key
        and history.week_no > series.week_no - params.window_weeks - params.baseline_weeks
        and history.week_no <= series.week_no
    group by series.indicator, series.level, series.key, series.week_start, series.week_no
),

evaluated as (
    select
        windows.*,
        windows.baseline_value - windows.current_value as drop_value,
        coalesce(
            windows.baseline_weeks >= params.min_baseline_weeks
                and windows.current_weeks >= 1
                and windows.baseline_value - windows.current_value > 0
                and (rules.drop_points is null or windows.baseline_value - windows.current_value >= rules.drop_points)
                and (rules.drop_sd is null or windows.baseline_value - windows.current_value >= rules.drop_sd * coalesce(windows.baseline_sd, 0)),
            false
        ) as breach,
    from windows
    cross join params
    inner join rules using (indicator)
)

select * from evaluated
