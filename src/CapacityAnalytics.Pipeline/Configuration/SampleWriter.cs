namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>
/// Writes the sample company a source declares with <c>sample:</c> into <paramref name="folder"/> and returns the rows
/// written. The generator lives outside the product library (CapacityAnalytics.Sample); the command line hands it in.
/// </summary>
public delegate long SampleWriter(SampleSourceConfig sample, string folder);
