using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Cli;

/// <summary>Hands the sample generator to the ingest stage, for sources declared with <c>sample:</c>.</summary>
public static class SampleSources
{
    public static readonly SampleWriter Writer = (sample, folder) =>
        SampleCompanyGenerator.Write(new SampleOptions(sample.Accounts, sample.Csms, sample.Months, sample.Seed), folder).TotalRows;
}
