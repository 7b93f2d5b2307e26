namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// Planning (CS leaders): each CSM's load before and after the proposed rebalancing against the band, the moves, and
/// the lane recommendations with the capacity they free or need. The lane filter (in the URL) narrows every figure to
/// one lane. Then the hiring plan: per segment, the month capacity runs out and the month a requisition must open.
/// </summary>
public static class PlanningData
{
    public static Dictionary<string, object?> Build(WarehouseQueries q)
    {
        var data = View(q, null);
        var lanes = q.Has("capacity_lane_summary")
            ? q.Select("capacity_lane_summary", "select lane from capacity_lane_summary order by lane").Select(r => (string)r["lane"]!).ToList()
            : [];
        data["lanes"] = lanes;
        data["byLane"] = lanes.ToDictionary(l => l, l => (object?)View(q, l), StringComparer.Ordinal);
        return data;
    }

    /// <summary>
    /// Each CSM's row with its name after its id, from <c>dim_csm</c>'s names alone: the page is not read again for the
    /// books that table also holds, which change every day.
    /// </summary>
    private static IReadOnlyList<Dictionary<string, object?>> Named(WarehouseQueries q, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        if (rows.Count == 0) return rows;
        var names = q.Lookup("dim_csm", "csm_id", "csm_name");
        return [.. rows.Select(row =>
        {
            var named = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (column, value) in row)
            {
                named[column] = value;
                if (column == "csm_id") named["csm_name"] = value is string id ? names.GetValueOrDefault(id) : null;
            }
            return named;
        })];
    }

    private static Dictionary<string, object?> View(WarehouseQueries q, string? lane)
    {
        var only = lane is null ? null : "lane = " + WarehouseQueries.Text(lane);
        var where = only is null ? "" : "where " + only;
        var recommendationWhere = lane is null ? "" : $"where current_lane = {WarehouseQueries.Text(lane)} or recommended_lane = {WarehouseQueries.Text(lane)}";
        return new(StringComparer.Ordinal)
        {
            ["kpis"] = q.Kpis(
            [
                ("CSMs Out of Band Before", only, "expected hours outside the load band today"),
                ("CSMs Out of Band After", only, "after the proposed moves"),
                ("Proposed Moves", only, "accounts to reassign, within their lane"),
                ("Hours Moved", only, "expected hours per month of those accounts"),
                ("Accounts Changing Lane", lane is null ? null : $"current_lane = {WarehouseQueries.Text(lane)}", "recommended another lane than today's"),
                ("Lane FTE Change", only, lane is null ? "net over all lanes; pick a lane for its own" : "FTE needed (+) or freed (-) if they move"),
                ("Requisitions to Open Now", only, "segments whose capacity runs out within the lead time"),
                ("Hires Within Horizon", only, "CSMs to add so the horizon's last month fits"),
            ]),
            ["loads"] = Named(q, q.Select("capacity_rebalance_load", $$"""
            select l.csm_id, l.lane, l.capacity_hours, l.band_low_hours, l.band_high_hours, l.accounts_before, l.hours_before,
                l.load_before, l.in_band_before, l.accounts_after, l.hours_after, l.load_after, l.in_band_after, l.moves_in, l.moves_out, l.solve_status
            from capacity_rebalance_load as l
            {{(only is null ? "" : "where l." + only)}}
            order by l.lane, l.csm_id
            """)),
            ["moves"] = q.Select("capacity_rebalance", $$"""
            select account_id, from_csm_id, to_csm_id, lane, hours_moved, protection, reason
            from capacity_rebalance {{where}} order by lane, from_csm_id, account_id
            """),
            ["laneSummary"] = q.Select("capacity_lane_summary", $$"""
            select lane, accounts_now, accounts_recommended, accounts_in, accounts_out, hours_now, hours_recommended, hours_change, fte_change
            from capacity_lane_summary {{where}} order by lane
            """),
            ["laneChanges"] = q.Select("capacity_lane_recommendation", $$"""
            select current_lane, recommended_lane, count(*) as accounts, sum(hours_change) as hours_change
            from capacity_lane_recommendation {{recommendationWhere}} group by all order by current_lane, recommended_lane
            """),
            ["hiring"] = q.Select("capacity_hiring_plan", $$"""
            select segment, lane, headcount_now, capacity_hours_month, hours_needed_month, accounts, new_accounts_per_month,
                churned_accounts_per_month, expansion_arr_per_month, hours_per_account_month, hours_basis, growth_basis,
                strftime(runs_out_month, '%Y-%m') as runs_out_month, strftime(requisition_month, '%Y-%m') as requisition_month,
                lead_time_months, months_of_headroom, hires_within_horizon, status
            from capacity_hiring_plan {{where}} order by segment
            """),
            ["projection"] = q.Select("capacity_hiring_projection", $$"""
            select segment, strftime(month, '%Y-%m') as month, hours_needed, capacity_hours, load_share
            from capacity_hiring_projection {{where}} order by segment, month
            """),
            ["recommendations"] = q.Select("capacity_lane_recommendation", $$"""
            select account_id, csm_id, segment, arr, complexity, expected_hours, observed_hours, tickets_per_month, current_lane,
                recommended_lane, reasons, hours_change
            from capacity_lane_recommendation {{(recommendationWhere == "" ? "where" : recommendationWhere + " and")}} changes_lane
            order by abs(hours_change) desc, account_id
            """),
        };
    }
}
