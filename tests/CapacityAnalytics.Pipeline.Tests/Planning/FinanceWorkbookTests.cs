using System.IO.Compression;
using System.Text;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using static CapacityAnalytics.Pipeline.Stages.Calibrate.FinanceWorkbook;
using static CapacityAnalytics.Pipeline.Stages.Calibrate.Xlsx;

namespace CapacityAnalytics.Pipeline.Tests.Planning;

/// <summary>
/// The finance workbook of <c>capacity plan --xlsx</c>: formulas over the assumptions sheet whose cached values are
/// the product's own figures (always checked), and the same figures when LibreOffice recalculates the file (when
/// LibreOffice is installed).
/// </summary>
public sealed class FinanceWorkbookTests
{
    private static string A(string cell) => AssumptionsSheet + "!$" + cell[..1] + "$" + cell[1..];

    /// <summary>
    /// The quarterly-hours example with calibrated hours and trailing growth: 20 enterprise accounts at 6.5 h,
    /// 1.5 CSM FTE (1.5 x 110.5 = 165.75 h), +1 new and -0.25 churned account a month (+4.875 h):
    /// k = floor((165.75 - 130) / 4.875) + 1 = floor(7.33) + 1 = 8 -> 2026-05; lead time 2 + 2 = 4 -> requisition 2026-01.
    /// </summary>
    private static CapacityPlan Trailing() => CapacityPlan.From(
        WorkedExampleTests.Example("quarterly-hours.yaml"),
        new DateOnly(2025, 9, 30),
        [new("enterprise", 20, 2_000_000)],
        new Dictionary<string, double> { ["enterprise"] = 6.5 },
        [new SegmentGrowth("enterprise", 1, 100_000, 0.25, 20_000, 5_000)],
        6,
        [WorkedExampleTests.Csm("C1", "dedicated", 1.5, "enterprise", 20)]);

    [Fact]
    public void Every_figure_is_a_formula_over_the_assumptions_sheet_whose_cached_value_is_the_product_s()
    {
        var plan = WorkedExampleTests.TiersAndForwardArr();
        var cells = WorkbookCells.Read(Bytes(plan));
        WorkbookCell Cell(string sheet, string reference) => cells[(sheet, reference)];

        // The assumptions are values: the hours chain's inputs and the 2/3-style share, as in the model file.
        Assert.Equal(new WorkbookCell(null, 40.0), Cell(AssumptionsSheet, Cells.WeeklyHours));
        Assert.Equal(new WorkbookCell(null, 0.75), Cell(AssumptionsSheet, Cells.CustomerFacingShare));
        Assert.Equal(new WorkbookCell(null, 3_800_000.0), Cell(AssumptionsSheet, Cells.NewArr));
        // ... and the chain is formulas: 40 x 48 / 12 = 160 -> x 0.75 = 120 -> x 0.8 = 96.
        Assert.Equal(new WorkbookCell($"{Cells.AfterPto}*{Cells.CustomerFacingShare}", 120.0), Cell(AssumptionsSheet, Cells.CustomerFacingHours));
        Assert.Equal(96.0, Cell(AssumptionsSheet, Cells.PracticalHours).Number, 9);
        Assert.Equal(4.0, Cell(AssumptionsSheet, Cells.LeadTime).Number);

        // Capacity: row 2 is enterprise; its inputs come from the assumptions sheet, its FTE is a formula over them.
        Assert.Equal($"{AssumptionsSheet}!G{Cells.SegmentHeaderRow + 1}", Cell(CapacitySheet, "C2").Formula);
        Assert.Equal(A(Cells.PracticalHours), Cell(CapacitySheet, "F2").Formula);
        Assert.Equal("C2*E2/F2", Cell(CapacitySheet, CapacityColumns.FteNow + "2").Formula);
        Assert.Contains(A(Cells.ChurnRate), Cell(CapacitySheet, CapacityColumns.ForwardAccounts + "2").Formula, StringComparison.Ordinal);
        var rows = plan.Headcount.ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(rows[i].HeadcountNow, Cell(CapacitySheet, CapacityColumns.FteNow + r).Number, 9);
            Assert.Equal(rows[i].CsmsNeededNow, Cell(CapacitySheet, CapacityColumns.CsmsNow + r).Number);
            Assert.Equal(rows[i].ForwardAccounts, Cell(CapacitySheet, CapacityColumns.ForwardAccounts + r).Number, 9);
            Assert.Equal(rows[i].ForwardArr, Cell(CapacitySheet, CapacityColumns.ForwardArr + r).Number, 6);
            Assert.Equal(rows[i].ForwardHeadcount, Cell(CapacitySheet, CapacityColumns.FteForward + r).Number, 9);
        }
        // Total row 5: 2.5 FTE now, $9M forward.
        Assert.Equal(2.5, Cell(CapacitySheet, "G5").Number, 9);
        Assert.Equal(9_000_000, Cell(CapacitySheet, "M5").Number, 6);

        // Hiring: mid-market (row 3) runs out in month 20 = 2027-09, requisition 2027-05.
        Assert.StartsWith("IF(", Cell(HiringSheet, HiringColumns.MonthsOfHeadroom + "3").Formula, StringComparison.Ordinal);
        Assert.Equal(20.0, Cell(HiringSheet, HiringColumns.MonthsOfHeadroom + "3").Number);
        Assert.Equal(Serial(new DateOnly(2027, 9, 1)), Cell(HiringSheet, HiringColumns.RunsOut + "3").Number);
        Assert.Equal(Serial(new DateOnly(2027, 5, 1)), Cell(HiringSheet, HiringColumns.Requisition + "3").Number);
        Assert.Equal("open requisition by 2027-05", Cell(HiringSheet, HiringColumns.Status + "3").Text);
        // smb (row 4): nothing within the horizon, an empty result.
        Assert.Equal("", Cell(HiringSheet, HiringColumns.RunsOut + "4").Value);
        Assert.Contains(A(Cells.Month0), Cell(HiringSheet, HiringColumns.RunsOut + "4").Formula, StringComparison.Ordinal);

        // Every formula references another cell, and every sheet but the assumptions reads the assumptions sheet.
        Assert.All(cells.Where(c => c.Value.Formula is not null), c => Assert.Matches(@"\$?[A-Z]+\$?[0-9]+", c.Value.Formula!));
        foreach (var sheet in new[] { CapacitySheet, ScenariosSheet, HiringSheet })
        {
            Assert.Contains(cells, c => c.Key.Sheet == sheet && c.Value.Formula?.Contains(AssumptionsSheet + "!", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void Scenario_totals_and_growth_formulas_carry_the_product_s_figures()
    {
        var plan = Trailing();
        var cells = WorkbookCells.Read(Bytes(plan));

        // Trailing growth is a value on the assumptions sheet; calibrated 6.5 h is what the plan uses.
        var row = Cells.SegmentHeaderRow + 1;
        Assert.Equal(new WorkbookCell(null, 1.0), cells[(AssumptionsSheet, $"J{row}")]);
        Assert.Equal(new WorkbookCell($"IF(E{row}=\"\",C{row},E{row})", 6.5), cells[(AssumptionsSheet, $"F{row}")]);
        // Hiring: 8 months of headroom, 2026-05, requisition 2026-01.
        Assert.Equal(8.0, cells[(HiringSheet, HiringColumns.MonthsOfHeadroom + "2")].Number);
        Assert.Equal("open requisition by 2026-01", cells[(HiringSheet, HiringColumns.Status + "2")].Text);
        var hiring = plan.Hiring.Plan.Single();
        Assert.Equal(hiring.HiresWithinHorizon, cells[(HiringSheet, HiringColumns.HiresWithinHorizon + "2")].Number);
        // Scenarios: each scenario's total FTE row (B = total) equals the product's.
        foreach (var total in plan.Scenarios.Where(s => s.Segment == HeadcountPlanner.Total))
        {
            var at = cells.Single(c => c.Key.Sheet == ScenariosSheet && c.Key.Cell.StartsWith(ScenarioColumns.Scenario, StringComparison.Ordinal)
                && Equals(c.Value.Value, total.Scenario) && Equals(cells.GetValueOrDefault((ScenariosSheet, "B" + c.Key.Cell[1..]))?.Value, HeadcountPlanner.Total));
            Assert.Equal(total.Headcount, cells[(ScenariosSheet, ScenarioColumns.Fte + at.Key.Cell[1..])].Number, 9);
        }
    }

    [Fact]
    public void The_same_plan_gives_the_same_bytes_dated_the_as_of_day()
    {
        var plan = Trailing();

        var first = Bytes(plan);
        Thread.Sleep(2100); // past the zip format's two-second clock
        var second = Bytes(plan);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 9, 30), e.LastWriteTime.DateTime));
        using var core = new StreamReader(zip.GetEntry("docProps/core.xml")!.Open(), Encoding.UTF8);
        Assert.Contains(">2025-09-30T00:00:00Z</dcterms:created>", core.ReadToEnd(), StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public void LibreOffice_recalculates_every_formula_to_the_product_s_figures()
    {
        foreach (var plan in new[] { WorkedExampleTests.TiersAndForwardArr(), Trailing() })
        {
            var written = WorkbookCells.Read(Bytes(plan));
            var recalculated = WorkbookCells.Read(LibreOfficeFactAttribute.Recalculate(Bytes(plan)));

            var formulas = written.Where(c => c.Value.Formula is not null).ToList();
            Assert.True(formulas.Count > 60, $"only {formulas.Count} formulas");
            foreach (var (key, cell) in formulas)
            {
                var value = recalculated.GetValueOrDefault(key)?.Value ?? "";
                if (cell.Value is double expected)
                {
                    Assert.True(value is double actual && Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                        $"{key.Sheet}!{key.Cell} = {cell.Formula}: product {expected}, LibreOffice {value}");
                }
                else
                {
                    Assert.True(Equals(cell.Value, value), $"{key.Sheet}!{key.Cell} = {cell.Formula}: product '{cell.Value}', LibreOffice '{value}'");
                }
            }
        }
    }

    [LibreOfficeFact]
    public void Changing_an_assumption_cell_changes_the_headcount_as_the_product_would()
    {
        // The tiers example at 30 hours a week instead of 40: 30 x 48 / 12 x 0.75 x 0.8 = 72 practical hours, so
        // today's 240 h of work need 240 / 72 = 3.33 FTE instead of 2.5, and mid-market's 80 h exceed one CSM's 72 now.
        var plan = WorkedExampleTests.TiersAndForwardArr();
        var edited = WorkbookCells.WithNumber(Bytes(plan), AssumptionsSheet, Cells.WeeklyHours, 30);

        var recalculated = WorkbookCells.Read(LibreOfficeFactAttribute.Recalculate(edited));

        var model = WorkedExampleTests.Example("tiers-and-forward-arr.yaml");
        model.AvailableHours.WeeklyHours = 30;
        var expected = CapacityPlan.From(model, plan.AsOf, plan.Portfolio, null, [], 0, plan.Csms);
        Assert.Equal(240 / 72.0, expected.Headcount.Single(r => r.Segment == HeadcountPlanner.Total).HeadcountNow, 9);
        Assert.Equal(240 / 72.0, recalculated[(CapacitySheet, "G5")].Number, 9);
        Assert.Equal(4.0, recalculated[(CapacitySheet, "H5")].Number);
        Assert.Equal(expected.Headcount.Single(r => r.Segment == HeadcountPlanner.Total).ForwardHeadcount, recalculated[(CapacitySheet, "N5")].Number, 9);
        var mid = expected.Hiring.Plan.Single(r => r.Segment == "mid_market");
        Assert.Equal(HiringPlanner.OpenNow, mid.Status);
        Assert.Equal(mid.Status, recalculated[(HiringSheet, HiringColumns.Status + "3")].Text);
        Assert.Equal(0.0, recalculated[(HiringSheet, HiringColumns.MonthsOfHeadroom + "3")].Number);
    }
}
