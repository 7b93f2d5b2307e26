using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Sample;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Bench;

/// <summary>
/// Do the calibration's 90% ranges hold the truth 90% of the time? Generates companies with known time equations (one
/// per seed), takes each through ingest and the marts, calibrates on the account-months no planted episode disturbed,
/// and counts, per parameter, how often the bootstrap range contains the planted value. A measurement, never asserted.
/// </summary>
public static class CalibrationCoverage
{
    public sealed record Result(int Companies, IReadOnlyList<(string Parameter, int Covered)> Parameters, double Seconds)
    {
        public int Checked => Companies * Parameters.Count;

        public int Covered => Parameters.Sum(p => p.Covered);

        public double Share => Checked == 0 ? 0 : Covered / (double)Checked;
    }

    public static Result Measure(int companies, int firstSeed, string workFolder, CapacityModel model, string sqlFolder,
        Action<string>? progress = null, CalibrationOptions? options = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var covered = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var seed = firstSeed; seed < firstSeed + companies; seed++)
        {
            var folder = Path.Combine(workFolder, "coverage-seed" + seed.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var sample = SampleCompanyGenerator.Write(new SampleOptions(300, 8, 15, seed), Path.Combine(folder, "extracts"));
            using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                connection.Open();
                IngestService.IngestFolder(connection, Path.Combine(folder, "extracts"), new IngestOptions());
                SqlModelRunner.Build(connection, sqlFolder, model, asOf: null);
                var disturbed = sample.GroundTruth.AffectedAccountMonths().Select(m => (m.AccountId, m.Month)).ToHashSet();
                var observations = CalibrationInputs.AccountMonths(connection)
                    .Where(o => !disturbed.Contains((o.AccountId, o.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture))))
                    .ToList();
                var result = Calibrator.Calibrate(model, observations, CalibrationInputs.Touchpoints(connection), options);
                var truth = sample.GroundTruth.Parameters;
                var planted = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["base_hours.enterprise"] = truth.BaseHours.Enterprise,
                    ["base_hours.mid_market"] = truth.BaseHours.MidMarket,
                    ["base_hours.smb"] = truth.BaseHours.Smb,
                    [TimeEquationParameters.ComplexityMultiplierName] = truth.ComplexityMultiplier,
                    [TimeEquationParameters.OnboardingUpliftName] = truth.OnboardingUplift,
                    [TimeEquationParameters.ExpansionUpliftName] = truth.ExpansionUplift,
                    [TimeEquationParameters.StakeholderMultiplierName] = truth.StakeholderMultiplier,
                };
                var hits = 0;
                foreach (var (name, value) in planted)
                {
                    var range = result.Bootstrap[name];
                    var hit = value >= range.Low && value <= range.High;
                    covered[name] = covered.GetValueOrDefault(name) + (hit ? 1 : 0);
                    hits += hit ? 1 : 0;
                }
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {hits} of {planted.Count} ranges hold the truth"));
            }
            Directory.Delete(folder, recursive: true);
        }
        return new Result(companies, [.. covered.Select(c => (c.Key, c.Value))], watch.Elapsed.TotalSeconds);
    }
}
