-- Level and key of a row from `group by grouping sets ((week_start, csm_id), (week_start, team),
-- (week_start, segment), (week_start))`: pass grouping() of csm_id, team and segment (1 where a rollup has no such set).
create or replace macro rollup_level(csm_grouped, team_grouped, segment_grouped) as
    case
        when csm_grouped = 0 then 'csm'
        when team_grouped = 0 then 'team'
        when segment_grouped = 0 then 'segment'
        else 'company'
    end;

create or replace macro rollup_key(csm_grouped, team_grouped, segment_grouped, csm_id, team, segment) as
    case
        when csm_grouped = 0 then csm_id
        when team_grouped = 0 then team
        when segment_grouped = 0 then segment
        else 'all'
    end;

-- The mean of a double column that is the same bits whatever order DuckDB's threads add the rows in: each value as a
-- decimal with 18 places (below a double's precision for the shares and changes averaged here), summed exactly,
-- divided once. `avg(x order by key)` gives the same guarantee by sorting every group first, at four times the cost.
-- The averaged columns are ratios and differences guarded against division by zero, so never infinite.
create or replace macro exact_avg(x) as
    sum(cast(x as decimal(38, 18))) / count(x);

-- The sum of a double column with the same guarantee as exact_avg: exact decimal addition, one conversion back.
create or replace macro exact_sum(x) as
    cast(sum(cast(x as decimal(38, 18))) as double);
