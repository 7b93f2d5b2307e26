namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>The measures catalog is malformed; the message names the file and the measure.</summary>
public sealed class MeasureCatalogException : Exception
{
    public MeasureCatalogException(string message) : base(message) { }
    public MeasureCatalogException(string message, Exception inner) : base(message, inner) { }
    public MeasureCatalogException() { }
}
