using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample.Tests;

/// <summary>One default 600-account sample company, generated once for the tests that read it.</summary>
public sealed class SampleCompanyFixture : IDisposable
{
    private readonly Dictionary<string, SampleCsv> _files = [];

    public SampleCompanyFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "capacity-sample-" + Guid.NewGuid().ToString("N"));
        Result = SampleCompanyGenerator.Write(new SampleOptions(), Directory);
        Truth = SampleGroundTruth.Load(Result.GroundTruthPath);
    }

    public string Directory { get; }

    public SampleResult Result { get; }

    public SampleGroundTruth Truth { get; }

    public SampleCsv File(EntitySpec entity)
    {
        lock (_files)
        {
            if (!_files.TryGetValue(entity.Name, out var csv))
            {
                csv = SampleCsv.Read(Path.Combine(Directory, entity.Name + ".csv"));
                _files[entity.Name] = csv;
            }
            return csv;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SampleCompanyGroup : ICollectionFixture<SampleCompanyFixture>
{
    public const string Name = "sample company";
}
