namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>
/// The DAX Power BI evaluates for a measure: the catalog's expression, read over the measure's week window. The latest
/// week is <c>MAX</c> of the period column in the filter context, as the dashboard's SQL takes it per group.
/// </summary>
public static class MeasureDax
{
    public static string Expression(Measure measure)
    {
        if (measure.Window == MeasureWindow.All) return measure.Dax;
        var period = $"{measure.Table}[{measure.Period}]";
        string At(string condition) => $"CALCULATE({measure.Dax}, {condition})";
        var body = measure.Window switch
        {
            MeasureWindow.LatestWeek => At($"{period} = __latest"),
            MeasureWindow.PreviousWeek => At($"{period} = __latest - 7"),
            MeasureWindow.Last4Weeks => At($"{period} > __latest - 28, {period} <= __latest"),
            MeasureWindow.WeekOverWeek => $"{At($"{period} = __latest")} - {At($"{period} = __latest - 7")}",
            _ => measure.Dax,
        };
        return $"VAR __latest = MAX({period})\nRETURN\n{body}";
    }
}
