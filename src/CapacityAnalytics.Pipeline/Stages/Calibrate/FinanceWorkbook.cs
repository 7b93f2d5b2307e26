using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using static CapacityAnalytics.Pipeline.Stages.Calibrate.Xlsx;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>
/// The plan as a workbook a finance analyst can audit (<c>capacity plan --xlsx FILE</c>, docs/capacity-model.md).
/// Sheet <c>Assumptions</c> holds every input: the available-hours chain (weekly hours, PTO, the customer-facing
/// share, practical capacity), the forward plan, the hiring lead time and horizon, and per segment the hours per
/// account-month, customers, ARR, CSM FTE serving it and growth per month. <c>Capacity</c> (headcount now and forward),
/// <c>Scenarios</c> and <c>Hiring</c> are formulas over those cells, each with the product's own figure as its cached
/// value, so the file opens with the numbers the command printed and recalculates when an assumption is edited.
/// The bytes depend only on the plan: relationship ids are fixed, document dates are the as-of day, zip entries carry
/// that date too.
/// </summary>
public static class FinanceWorkbook
{
    public const string AssumptionsSheet = "Assumptions";
    public const string CapacitySheet = "Capacity";
    public const string ScenariosSheet = "Scenarios";
    public const string HiringSheet = "Hiring";

    /// <summary>Assumption cells on <see cref="AssumptionsSheet"/>.</summary>
    public static class Cells
    {
        public const string AsOf = "B3";
        public const string Month0 = "B4";
        public const string WeeklyHours = "B7";
        public const string PtoWeeks = "B8";
        public const string CustomerFacingShare = "B9";
        public const string PracticalCapacity = "B10";
        public const string HoursPerMonth = "B11";
        public const string AfterPto = "B12";
        public const string CustomerFacingHours = "B13";
        public const string PracticalHours = "B14";
        public const string ChurnRate = "B17";
        public const string NewArr = "B18";
        public const string ExpansionArr = "B19";
        public const string NewLogoAcv = "B20";
        public const string ExpansionUplift = "B21";
        public const string TotalCustomers = "B22";
        public const string TotalArr = "B23";
        public const string RecruitingMonths = "B26";
        public const string RampMonths = "B27";
        public const string LeadTime = "B28";
        public const string Horizon = "B29";
        public const string GrowthBasis = "B30";
        public const string TrailingMonths = "B31";
        /// <summary>Header row of the segment table; segment i (0-based) is on row SegmentHeaderRow + 1 + i.</summary>
        public const int SegmentHeaderRow = 33;
    }

    /// <summary>Columns of <see cref="CapacitySheet"/> (one row per segment from row 2, then the total).</summary>
    public static class CapacityColumns
    {
        public const string FteNow = "G";
        public const string CsmsNow = "H";
        public const string AccountsPerCsmLow = "I";
        public const string AccountsPerCsmHigh = "J";
        public const string NewLogos = "K";
        public const string ForwardAccounts = "L";
        public const string ForwardArr = "M";
        public const string FteForward = "N";
        public const string CsmsForward = "O";
        public const string FteNowCalibrated = "Q";
        public const string FteForwardCalibrated = "R";
    }

    /// <summary>Columns of <see cref="HiringSheet"/> (one row per segment from row 2).</summary>
    public static class HiringColumns
    {
        public const string HeadcountNow = "C";
        public const string CapacityHours = "E";
        public const string HoursNeeded = "H";
        public const string MonthsOfHeadroom = "K";
        public const string RunsOut = "L";
        public const string LeadTime = "M";
        public const string Requisition = "N";
        public const string Status = "O";
        public const string HiresWithinHorizon = "Q";
    }

    /// <summary>Columns of <see cref="ScenariosSheet"/>: the scenario's FTE (one row per scenario and segment, then its total).</summary>
    public static class ScenarioColumns
    {
        public const string Scenario = "A";
        public const string Segment = "B";
        public const string Accounts = "H";
        public const string Fte = "K";
        public const string Change = "M";
    }

    private const string A = AssumptionsSheet + "!";

    private static string Abs(string cell) => "$" + cell[..1] + "$" + cell[1..];

    private static string Ref(string cell) => A + Abs(cell);

    /// <summary>Writes the workbook to <paramref name="path"/> (through a temporary file, so a reader never sees half of it).</summary>
    public static void Write(CapacityPlan plan, string path)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, Bytes(plan));
        File.Move(temp, path, overwrite: true);
    }

    public static byte[] Bytes(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sheets = new (string Name, SheetBuilder Sheet)[]
        {
            (AssumptionsSheet, Assumptions(plan)),
            (CapacitySheet, Capacity(plan)),
            (ScenariosSheet, Scenarios(plan)),
            (HiringSheet, Hiring(plan)),
        };
        return Xlsx.Package(sheets, $"Capacity plan, model {plan.Model.Version}", plan.AsOf);
    }

    private static SheetBuilder Assumptions(CapacityPlan plan)
    {
        var m = plan.Model;
        var h = plan.Hours;
        var s = new SheetBuilder([46, 14, 14, 14, 14, 14, 12, 14, 14, 14, 14, 14, 14, 14]);
        s.Set("A1", Text("Capacity plan: assumptions (edit a value in column B or the segment table; the other sheets recalculate)", Style.Bold));
        s.Set("A2", Text("Model version")).Set("B2", Text(m.Version));
        s.Set("A3", Text("As of")).Set(Cells.AsOf, Date(plan.AsOf));
        s.Set("A4", Text("Plan month (month 0)")).Set(Cells.Month0, Formula($"DATE(YEAR({Cells.AsOf}),MONTH({Cells.AsOf}),1)", Serial(Month0(plan)), Style.Date));
        s.Set("A6", Text("Available hours per CSM", Style.Bold));
        s.Set("A7", Text("Weekly hours")).Set(Cells.WeeklyHours, Number(m.AvailableHours.WeeklyHours));
        s.Set("A8", Text("PTO and holiday weeks per year")).Set(Cells.PtoWeeks, Number(m.AvailableHours.PtoWeeksPerYear));
        s.Set("A9", Text("Customer-facing share (the 2/3 rule: a third of the week is internal work)")).Set(Cells.CustomerFacingShare, Number(m.AvailableHours.CustomerFacingShare));
        s.Set("A10", Text("Practical capacity (share of customer-facing time that can be booked)")).Set(Cells.PracticalCapacity, Number(m.AvailableHours.PracticalCapacity));
        s.Set("A11", Text("Hours per month = weekly x 52 / 12")).Set(Cells.HoursPerMonth, Formula($"{Cells.WeeklyHours}*52/12", h.TheoreticalHoursPerMonth, Style.Decimal));
        s.Set("A12", Text("Hours per month after PTO = weekly x (52 - PTO weeks) / 12")).Set(Cells.AfterPto, Formula($"{Cells.WeeklyHours}*(52-{Cells.PtoWeeks})/12", h.AfterPtoHoursPerMonth, Style.Decimal));
        s.Set("A13", Text("Customer-facing hours per month")).Set(Cells.CustomerFacingHours, Formula($"{Cells.AfterPto}*{Cells.CustomerFacingShare}", h.CustomerFacingHoursPerMonth, Style.Decimal));
        s.Set("A14", Text("Practical customer-facing hours per CSM-month (capacity)")).Set(Cells.PracticalHours, Formula($"{Cells.CustomerFacingHours}*{Cells.PracticalCapacity}", h.PracticalHoursPerMonth, Style.Decimal));
        s.Set("A16", Text("Forward plan (12 months)", Style.Bold));
        s.Set("A17", Text("Churn rate per year")).Set(Cells.ChurnRate, Number(m.Forward.ChurnRate));
        s.Set("A18", Text("New ARR")).Set(Cells.NewArr, Number(m.Forward.NewArr, Style.Money));
        s.Set("A19", Text("Expansion ARR")).Set(Cells.ExpansionArr, Number(m.Forward.ExpansionArr, Style.Money));
        s.Set("A20", Text("New-logo ACV (empty: today's average ARR per customer)"));
        if (m.Forward.NewLogoAcv is { } acv) s.Set(Cells.NewLogoAcv, Number(acv, Style.Money));
        s.Set("A21", Text("Expansion uplift (a heavy account = planned hours x (1 + uplift))")).Set(Cells.ExpansionUplift, Number(m.Drivers.ExpansionUplift));
        var first = Cells.SegmentHeaderRow + 1;
        var last = first + plan.Headcount.Count(r => r.Segment != HeadcountPlanner.Total) - 1;
        s.Set("A22", Text("Customers now, all segments")).Set(Cells.TotalCustomers, Formula($"SUM(G{first}:G{last})", plan.Portfolio.Sum(p => p.Accounts)));
        s.Set("A23", Text("ARR now, all segments")).Set(Cells.TotalArr, Formula($"SUM(H{first}:H{last})", plan.Portfolio.Sum(p => p.Arr), Style.Money));
        s.Set("A25", Text("Hiring", Style.Bold));
        var hiring = m.Hiring;
        s.Set("A26", Text("Recruiting months (requisition to first day)"));
        s.Set("A27", Text("Ramp months (first day to a full book)"));
        s.Set("A28", Text("Lead time, months"));
        if (hiring.LeadTimeMonths is { } lead)
        {
            s.Set(Cells.LeadTime, Number(lead));
        }
        else
        {
            s.Set(Cells.RecruitingMonths, Number(hiring.RecruitingMonths ?? HiringPolicy.DefaultRecruitingMonths));
            s.Set(Cells.RampMonths, Number(hiring.RampMonths ?? HiringPolicy.DefaultRampMonths));
            s.Set(Cells.LeadTime, Formula($"{Cells.RecruitingMonths}+{Cells.RampMonths}", hiring.LeadTime()));
        }
        s.Set("A29", Text("Horizon, months")).Set(Cells.Horizon, Number(hiring.HorizonMonths));
        s.Set("A30", Text("Growth per month from")).Set(Cells.GrowthBasis, Text(hiring.Growth));
        s.Set("A31", Text("Trailing complete months averaged")).Set(Cells.TrailingMonths, Number(plan.TrailingMonthsHeld));
        var header = Cells.SegmentHeaderRow;
        string[] titles = ["Segment", "Lane", "CSM h/account-month (planned)", "CSM h/account-month, onboarding by specialists", "CSM h/account-month (calibrated)",
            "CSM h/account-month used", "Customers now", "ARR now", "CSM FTE serving now", "New logos/month", "New ARR/month", "Churned logos/month",
            "Churned ARR/month", "Expansion ARR/month"];
        for (var c = 0; c < titles.Length; c++) s.Set(Column(c) + header, Text(titles[c], Style.Bold));
        var plans = SegmentPlan.AllFrom(m);
        var headcountNow = plan.HeadcountNow;
        var forward = m.Hiring.Growth == HiringPolicy.ForwardTargetGrowth;
        var growth = plan.Growth;
        var hiringRows = plan.Hiring.Plan;
        for (var i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            var r = first + i;
            var row = hiringRows.First(x => x.Segment == p.Segment);
            var portfolio = plan.Portfolio.FirstOrDefault(x => x.Segment == p.Segment) ?? new SegmentPortfolio(p.Segment, 0, 0);
            var g = growth.FirstOrDefault(x => x.Segment == p.Segment) ?? SegmentGrowth.None(p.Segment);
            s.Set($"A{r}", Text(p.Segment)).Set($"B{r}", Text(Lanes.Name(p.Lane)));
            s.Set($"C{r}", Number(p.CsmHoursPerAccountMonth, Style.Decimal));
            s.Set($"D{r}", Number(Lanes.CsmHours(p.Lane, p.HoursWithoutOnboarding), Style.Decimal));
            var calibrated = row.HoursBasis == HiringPlanner.HoursCalibrated ? row.HoursPerAccountMonth : (double?)null;
            if (calibrated is { } cal) s.Set($"E{r}", Number(cal, Style.Decimal));
            s.Set($"F{r}", Formula($"IF(E{r}=\"\",C{r},E{r})", row.HoursPerAccountMonth, Style.Decimal));
            s.Set($"G{r}", Number(portfolio.Accounts));
            s.Set($"H{r}", Number(portfolio.Arr, Style.Money));
            s.Set($"I{r}", Number(headcountNow.GetValueOrDefault(p.Segment), Style.Decimal));
            if (forward)
            {
                var c = 2 + i;
                s.Set($"J{r}", Formula($"{CapacitySheet}!{CapacityColumns.NewLogos}{c}/12", g.NewAccountsPerMonth, Style.Decimal));
                s.Set($"K{r}", Formula($"IF({Abs(Cells.TotalArr)}=0,0,{Abs(Cells.NewArr)}*H{r}/{Abs(Cells.TotalArr)})/12", g.NewArrPerMonth, Style.Money));
                s.Set($"L{r}", Formula($"G{r}*{Abs(Cells.ChurnRate)}/12", g.ChurnedAccountsPerMonth, Style.Decimal));
                s.Set($"M{r}", Formula($"H{r}*{Abs(Cells.ChurnRate)}/12", g.ChurnedArrPerMonth, Style.Money));
                s.Set($"N{r}", Formula($"IF({Abs(Cells.TotalArr)}=0,0,{Abs(Cells.ExpansionArr)}*H{r}/{Abs(Cells.TotalArr)})/12", g.ExpansionArrPerMonth, Style.Money));
            }
            else
            {
                s.Set($"J{r}", Number(g.NewAccountsPerMonth, Style.Decimal));
                s.Set($"K{r}", Number(g.NewArrPerMonth, Style.Money));
                s.Set($"L{r}", Number(g.ChurnedAccountsPerMonth, Style.Decimal));
                s.Set($"M{r}", Number(g.ChurnedArrPerMonth, Style.Money));
                s.Set($"N{r}", Number(g.ExpansionArrPerMonth, Style.Money));
            }
        }
        return s;
    }

    private static SheetBuilder Capacity(CapacityPlan plan)
    {
        var s = new SheetBuilder([14, 11, 12, 14, 12, 12, 11, 11, 13, 13, 12, 13, 14, 11, 11, 13, 13, 13]);
        string[] titles = ["Segment", "Lane", "Customers now", "ARR now", "CSM h/account-month (planned)", "Capacity h per CSM-month", "FTE now", "CSMs now",
            "Accounts/CSM low", "Accounts/CSM high", "New logos (forward)", "Customers forward", "ARR forward", "FTE forward", "CSMs forward",
            "CSM h/account-month (calibrated)", "FTE now (calibrated)", "FTE forward (calibrated)"];
        for (var c = 0; c < titles.Length; c++) s.Set(Column(c) + "1", Text(titles[c], Style.Bold));
        var rows = plan.Headcount.Where(r => r.Segment != HeadcountPlanner.Total).ToList();
        var planned = plan.Planned;
        string Sum(string col, int r1, int r2) => $"SUM({col}{r1}:{col}{r2})";
        var churn = Ref(Cells.ChurnRate);
        var totalArr = Ref(Cells.TotalArr);
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            var r = 2 + i;
            var a = Cells.SegmentHeaderRow + 1 + i;
            var pl = planned.First(p => p.Segment == x.Segment);
            s.Set($"A{r}", Formula($"{A}A{a}", x.Segment)).Set($"B{r}", Formula($"{A}B{a}", x.Lane));
            s.Set($"C{r}", Formula($"{A}G{a}", x.Accounts));
            s.Set($"D{r}", Formula($"{A}H{a}", x.Arr, Style.Money));
            s.Set($"E{r}", Formula($"{A}C{a}", x.HoursPerAccountMonth, Style.Decimal));
            s.Set($"F{r}", Formula(Ref(Cells.PracticalHours), plan.Hours.PracticalHoursPerMonth, Style.Decimal));
            s.Set($"G{r}", Formula($"C{r}*E{r}/F{r}", x.HeadcountNow, Style.Decimal));
            s.Set($"H{r}", Formula($"ROUNDUP(ROUND(G{r},9),0)", x.CsmsNeededNow));
            s.Set($"I{r}", Formula($"IF(E{r}>0,F{r}/(E{r}*(1+{Ref(Cells.ExpansionUplift)})),\"\")", pl.AccountsPerCsmLow, Style.Decimal));
            s.Set($"J{r}", Formula($"IF(E{r}>0,{Ref(Cells.CustomerFacingHours)}/E{r},\"\")", pl.AccountsPerCsmHigh, Style.Decimal));
            s.Set($"K{r}", Formula(
                $"IF(OR(D{r}=0,{totalArr}=0),0,{Ref(Cells.NewArr)}*C{r}/IF({Ref(Cells.NewLogoAcv)}=\"\",{totalArr},{Ref(Cells.NewLogoAcv)}*{Ref(Cells.TotalCustomers)}))",
                x.NewLogos, Style.Decimal));
            s.Set($"L{r}", Formula($"C{r}*(1-{churn})+K{r}", x.ForwardAccounts, Style.Decimal));
            s.Set($"M{r}", Formula($"D{r}*(1-{churn})+IF({totalArr}=0,0,({Ref(Cells.NewArr)}+{Ref(Cells.ExpansionArr)})*D{r}/{totalArr})", x.ForwardArr, Style.Money));
            s.Set($"N{r}", Formula($"L{r}*E{r}/F{r}", x.ForwardHeadcount, Style.Decimal));
            s.Set($"O{r}", Formula($"ROUNDUP(ROUND(N{r},9),0)", x.CsmsNeededForward));
            s.Set($"P{r}", Formula($"IF({A}E{a}=\"\",\"\",{A}E{a})", x.HoursPerAccountMonthCalibrated, Style.Decimal));
            s.Set($"Q{r}", Formula($"IF(P{r}=\"\",\"\",C{r}*P{r}/F{r})", x.HeadcountNowCalibrated, Style.Decimal));
            s.Set($"R{r}", Formula($"IF(P{r}=\"\",\"\",L{r}*P{r}/F{r})", x.ForwardHeadcountCalibrated, Style.Decimal));
        }
        var t = 2 + rows.Count;
        var last = t - 1;
        var total = plan.Headcount.Single(r => r.Segment == HeadcountPlanner.Total);
        s.Set($"A{t}", Text(HeadcountPlanner.Total, Style.Bold));
        s.Set($"C{t}", Formula(Sum("C", 2, last), total.Accounts));
        s.Set($"D{t}", Formula(Sum("D", 2, last), total.Arr, Style.Money));
        s.Set($"G{t}", Formula(Sum("G", 2, last), total.HeadcountNow, Style.Decimal));
        s.Set($"H{t}", Formula($"ROUNDUP(ROUND(G{t},9),0)", total.CsmsNeededNow));
        s.Set($"K{t}", Formula(Sum("K", 2, last), total.NewLogos, Style.Decimal));
        s.Set($"L{t}", Formula(Sum("L", 2, last), total.ForwardAccounts, Style.Decimal));
        s.Set($"M{t}", Formula(Sum("M", 2, last), total.ForwardArr, Style.Money));
        s.Set($"N{t}", Formula(Sum("N", 2, last), total.ForwardHeadcount, Style.Decimal));
        s.Set($"O{t}", Formula($"ROUNDUP(ROUND(N{t},9),0)", total.CsmsNeededForward));
        // A calibrated total only when every segment with customers and CSM hours has calibrated hours (as the product's).
        var complete = $"AND(COUNT(Q2:Q{last})>0,SUMPRODUCT((Q2:Q{last}=\"\")*(C2:C{last}>0)*(G2:G{last}>0))=0)";
        s.Set($"Q{t}", Formula($"IF({complete},{Sum("Q", 2, last)},\"\")", total.HeadcountNowCalibrated, Style.Decimal));
        s.Set($"R{t}", Formula($"IF({complete},{Sum("R", 2, last)},\"\")", total.ForwardHeadcountCalibrated, Style.Decimal));
        return s;
    }

    private static SheetBuilder Scenarios(CapacityPlan plan)
    {
        var s = new SheetBuilder([22, 14, 11, 12, 12, 14, 11, 12, 14, 13, 11, 13, 13]);
        string[] titles = ["Scenario", "Segment", "Lane", "ARR growth", "Deal size change", "Onboarding by specialists (1/0)", "To digital (1/0)",
            "Customers", "ARR", "CSM h/account-month", "FTE", "Accounts per CSM", "FTE change vs baseline"];
        for (var c = 0; c < titles.Length; c++) s.Set(Column(c) + "1", Text(titles[c], Style.Bold));
        var segments = SegmentPlan.AllFrom(plan.Model);
        var scenarios = new List<Core.CapacityModelFile.Scenario> { new() { Name = ScenarioRunner.Baseline } };
        scenarios.AddRange(plan.Model.Scenarios);
        var practical = Ref(Cells.PracticalHours);
        var r = 2;
        var baselineRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            var firstRow = r;
            foreach (var (p, i) in segments.Select((p, i) => (p, i)))
            {
                var a = Cells.SegmentHeaderRow + 1 + i;
                var x = plan.Scenarios.Single(y => y.Scenario == scenario.Name && y.Segment == p.Segment);
                var toDigital = scenario.ToDigital.Contains(p.Segment);
                s.Set($"A{r}", Text(scenario.Name)).Set($"B{r}", Formula($"{A}A{a}", p.Segment));
                s.Set($"C{r}", Formula($"IF(G{r}=1,\"digital\",{A}B{a})", x.Lane));
                s.Set($"D{r}", Number(scenario.ArrGrowth ?? 0));
                s.Set($"E{r}", Number(scenario.DealSizeChange ?? 0));
                s.Set($"F{r}", Number(scenario.OnboardingToSpecialists ? 1 : 0));
                s.Set($"G{r}", Number(toDigital ? 1 : 0));
                s.Set($"H{r}", Formula($"{A}G{a}*(1+D{r})/(1+E{r})", x.Accounts, Style.Decimal));
                s.Set($"I{r}", Formula($"{A}H{a}*(1+D{r})", x.Arr, Style.Money));
                var hours = Lanes.CsmHours(toDigital ? Lane.Digital : p.Lane, scenario.OnboardingToSpecialists ? p.HoursWithoutOnboarding : p.HoursPerAccountMonth);
                s.Set($"J{r}", Formula($"IF(G{r}=1,0,IF(F{r}=1,{A}D{a},{A}C{a}))", hours, Style.Decimal));
                s.Set($"K{r}", Formula($"H{r}*J{r}/{practical}", x.Headcount, Style.Decimal));
                s.Set($"L{r}", Formula($"IF(J{r}>0,{practical}/J{r},\"\")", x.AccountsPerCsm, Style.Decimal));
                if (scenario.Name == ScenarioRunner.Baseline) baselineRows[p.Segment] = r;
                s.Set($"M{r}", Formula($"K{r}-K{baselineRows[p.Segment]}", x.HeadcountDelta, Style.Decimal));
                r++;
            }
            var total = plan.Scenarios.Single(y => y.Scenario == scenario.Name && y.Segment == HeadcountPlanner.Total);
            var lastRow = r - 1;
            s.Set($"A{r}", Text(scenario.Name, Style.Bold)).Set($"B{r}", Text(HeadcountPlanner.Total, Style.Bold));
            s.Set($"H{r}", Formula($"SUM(H{firstRow}:H{lastRow})", total.Accounts, Style.Decimal));
            s.Set($"I{r}", Formula($"SUM(I{firstRow}:I{lastRow})", total.Arr, Style.Money));
            s.Set($"K{r}", Formula($"SUM(K{firstRow}:K{lastRow})", total.Headcount, Style.Decimal));
            s.Set($"L{r}", Formula($"IF(K{r}>0,SUMIF(K{firstRow}:K{lastRow},\">0\",H{firstRow}:H{lastRow})/K{r},\"\")", total.AccountsPerCsm, Style.Decimal));
            if (scenario.Name == ScenarioRunner.Baseline) baselineRows[HeadcountPlanner.Total] = r;
            s.Set($"M{r}", Formula($"K{r}-K{baselineRows[HeadcountPlanner.Total]}", total.HeadcountDelta, Style.Decimal));
            r += 2;
        }
        return s;
    }

    private static SheetBuilder Hiring(CapacityPlan plan)
    {
        var s = new SheetBuilder([14, 11, 12, 12, 12, 12, 13, 12, 13, 12, 12, 12, 10, 12, 30, 13, 12]);
        string[] titles = ["Segment", "Lane", "CSM FTE now", "Capacity h per CSM-month", "Capacity h", "Customers now", "CSM h/account-month",
            "Hours needed now", "Net new customers/month", "Hours added/month", "Months of headroom", "Capacity runs out", "Lead time, months",
            "Open requisition by", "Status", "Hours needed at horizon", "Hires within horizon"];
        for (var c = 0; c < titles.Length; c++) s.Set(Column(c) + "1", Text(titles[c], Style.Bold));
        var month0 = Ref(Cells.Month0);
        var horizon = Ref(Cells.Horizon);
        var segments = SegmentPlan.AllFrom(plan.Model);
        for (var i = 0; i < segments.Count; i++)
        {
            var x = plan.Hiring.Plan.Single(y => y.Segment == segments[i].Segment);
            var r = 2 + i;
            var a = Cells.SegmentHeaderRow + 1 + i;
            s.Set($"A{r}", Formula($"{A}A{a}", x.Segment)).Set($"B{r}", Formula($"{A}B{a}", x.Lane));
            s.Set($"C{r}", Formula($"{A}I{a}", x.HeadcountNow, Style.Decimal));
            s.Set($"D{r}", Formula(Ref(Cells.PracticalHours), x.CapacityHoursMonth, Style.Decimal));
            s.Set($"E{r}", Formula($"C{r}*D{r}", x.HeadcountNow * x.CapacityHoursMonth, Style.Decimal));
            s.Set($"F{r}", Formula($"{A}G{a}", x.Accounts));
            s.Set($"G{r}", Formula($"{A}F{a}", x.HoursPerAccountMonth, Style.Decimal));
            s.Set($"H{r}", Formula($"F{r}*G{r}", x.HoursNeededMonth, Style.Decimal));
            s.Set($"I{r}", Formula($"{A}J{a}-{A}L{a}", x.NewAccountsPerMonth - x.ChurnedAccountsPerMonth, Style.Decimal));
            s.Set($"J{r}", Formula($"I{r}*G{r}", (x.NewAccountsPerMonth - x.ChurnedAccountsPerMonth) * x.HoursPerAccountMonth, Style.Decimal));
            // The closed form of HiringPlanner.RunsOutIn: 0 when already over, else the first month strictly over.
            var k = $"INT(ROUND((E{r}-H{r})/J{r},6))+1";
            s.Set($"K{r}", Formula($"IF(B{r}=\"digital\",\"\",IF(ROUND(H{r}-E{r},9)>0,0,IF(J{r}<=0,\"\",IF({k}<={horizon},{k},\"\"))))", x.MonthsOfHeadroom));
            s.Set($"L{r}", Formula($"IF(K{r}=\"\",\"\",EDATE({month0},K{r}))", x.RunsOutMonth, Style.Date));
            s.Set($"M{r}", Formula(Ref(Cells.LeadTime), x.LeadTimeMonths));
            s.Set($"N{r}", Formula($"IF(K{r}=\"\",\"\",EDATE({month0},MAX(K{r}-M{r},0)))", x.RequisitionMonth, Style.Date));
            s.Set($"O{r}", Formula(
                $"IF(B{r}=\"digital\",\"{HiringPlanner.DigitalLane}\",IF(K{r}=\"\",\"{HiringPlanner.NoHire}\",IF(MAX(K{r}-M{r},0)=0,\"{HiringPlanner.OpenNow}\",\"open requisition by \"&YEAR(N{r})&\"-\"&TEXT(MONTH(N{r}),\"00\"))))",
                x.Status));
            var horizonHours = Math.Max(0, x.Accounts + (plan.Model.Hiring.HorizonMonths * (x.NewAccountsPerMonth - x.ChurnedAccountsPerMonth))) * x.HoursPerAccountMonth;
            s.Set($"P{r}", Formula($"MAX(0,F{r}+{horizon}*I{r})*G{r}", horizonHours, Style.Decimal));
            s.Set($"Q{r}", Formula($"MAX(0,ROUNDUP(ROUND(P{r}/D{r}-C{r},9),0))", x.HiresWithinHorizon));
        }
        return s;
    }

    private static DateOnly Month0(CapacityPlan plan) => new(plan.AsOf.Year, plan.AsOf.Month, 1);
}
