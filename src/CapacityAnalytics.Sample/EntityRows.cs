namespace CapacityAnalytics.Sample;

/// <summary>Writes the plan's rows of each entity, field by field in the contract's column order.</summary>
public static class EntityRows
{
    public static void Csm(CsvRowWriter w, CsmPlan c) =>
        w.Plain(c.Id).Text(c.Name).Text(c.Email).Plain(c.Team).Plain(c.ManagerId).Plain(c.Lane)
            .Amount(c.Fte).Amount(c.WeeklyHours).Date(c.StartDate).Date(c.EndDate).EndRow();

    public static void TimeOff(CsvRowWriter w, CsmPlan c)
    {
        foreach (var (date, hours) in c.TimeOff)
        {
            w.Plain(c.Id).Date(date).Amount(hours).EndRow();
        }
    }

    public static void Account(CsvRowWriter w, AccountPlan a, CompanyPlan plan)
    {
        var asOf = a.LastLiveDay(plan.End);
        w.Plain(a.Id).Text(a.Name).Plain(plan.Csms[a.OwnerAt(asOf)].Id).Amount(a.ArrAt(asOf)).Plain(a.Segment.Name())
            .Plain(a.Industry).Number(a.Employees).Number(a.Complexity).Number(a.Integrations).Number(a.Stakeholders)
            .Plain(a.ExpansionPotential).Date(a.ContractStart).Date(a.RenewalDate).Date(a.ChurnedOn).EndRow();
    }

    /// <summary>One row per date on which the owner or the ARR changes (the first at contract start).</summary>
    public static void History(CsvRowWriter w, AccountPlan a, CompanyPlan plan)
    {
        var dates = a.Owners.Select(o => o.From).Concat(a.ArrHistory.Select(h => h.From))
            .Where(d => d <= plan.End)
            .Distinct()
            .Order();
        foreach (var date in dates)
        {
            w.Plain(a.Id).Date(date).Plain(plan.Csms[a.OwnerAt(date)].Id).Amount(a.ArrAt(date)).Plain(a.Segment.Name()).EndRow();
        }
    }

    public static void Opportunities(CsvRowWriter w, AccountPlan a, ref long nextId)
    {
        foreach (var o in a.Opportunities.OrderBy(o => o.CreatedOn).ThenBy(o => o.Type, StringComparer.Ordinal))
        {
            w.Id("OPP-", ++nextId, 7).Plain(a.Id).Plain(o.Type).Amount(o.Amount).Date(o.CreatedOn).Date(o.CloseOn)
                .Plain(o.Stage).Bool(o.IsClosed).Bool(o.IsWon).EndRow();
        }
    }

    public static void Activity(CsvRowWriter w, ActivityDraw a, string? accountId, CompanyPlan plan, long id)
    {
        w.Id("ACT-", id, 8);
        if (accountId is null)
        {
            w.Empty();
        }
        else
        {
            w.Plain(accountId);
        }
        w.Plain(plan.Csms[a.Csm].Id).Plain(a.Item.Touchpoint.Type).Timestamp(a.OccurredAt).NumberOrEmpty(a.DurationMinutes);
        if (a.Item.Touchpoint.HasDirection)
        {
            w.Plain(a.Item.Inbound ? "inbound" : "outbound");
        }
        else
        {
            w.Empty();
        }
        w.Text(a.Subject).EndRow();
    }

    public static void Ticket(CsvRowWriter w, TicketDraw t, string accountId, DateTime extractEnd, long id)
    {
        var responded = t.FirstResponseAt <= extractEnd;
        var solved = t.SolvedAt <= extractEnd;
        var status = solved ? (t.SolvedAt < extractEnd.AddDays(-7) ? "closed" : "solved") : responded ? "open" : "new";
        w.Id("TKT-", id, 7).Plain(accountId).Timestamp(t.CreatedAt)
            .Timestamp(responded ? t.FirstResponseAt : null).Timestamp(solved ? t.SolvedAt : null)
            .Plain(t.Priority).Plain(status).Plain(t.Channel).Bool(t.Escalated).NumberOrEmpty(t.CsmMinutes).EndRow();
    }
}
