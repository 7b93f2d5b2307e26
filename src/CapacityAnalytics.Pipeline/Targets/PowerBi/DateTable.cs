namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>The model's date table: <c>dim_date</c>, marked as such so time intelligence and date slicers work.</summary>
public static class DateTable
{
    public const string Name = "dim_date";
    public const string Key = "date_day";
}
