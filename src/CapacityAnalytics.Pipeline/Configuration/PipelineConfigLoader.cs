using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>Reads a pipeline file; unknown or misspelt keys are errors naming the file and line.</summary>
public static class PipelineConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly string[] Stages = ["ingest", "transform", "calibrate", "publish"];

    public static PipelineConfig Load(TextReader reader, string sourceName, string baseDirectory)
    {
        PipelineConfig config;
        try
        {
            config = Deserializer.Deserialize<PipelineConfig>(reader)
                ?? throw new ConfigurationException($"{sourceName}: the pipeline file is empty; start from pipelines/sample.yaml.");
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            throw new ConfigurationException(
                $"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {reason} Check the key against pipelines/example-real-exports.yaml.", ex);
        }
        config.BaseDirectory = baseDirectory;
        config.SourceFile = sourceName;
        Validate(config, sourceName);
        return config;
    }

    public static PipelineConfig LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{path}: pipeline file not found; pass a file such as pipelines/sample.yaml.");
        }
        using var reader = new StreamReader(path);
        return Load(reader, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    private static void Validate(PipelineConfig c, string src)
    {
        void Fail(string key, string what) => throw new ConfigurationException($"{src}: key '{key}' {what}.");

        if (string.IsNullOrWhiteSpace(c.Name)) Fail("name", "is required");
        if (c.Sources.Count == 0) Fail("sources", "needs at least one source (a folder of extracts)");
        for (var i = 0; i < c.Sources.Count; i++)
        {
            var s = c.Sources[i];
            if (s.Path is null && s.Query is null) Fail($"sources[{i}]", "needs a path (folder of extracts) or a query");
            if (s.Query is not null && (s.Entity is null || s.ConnectionEnv is null))
            {
                Fail($"sources[{i}]", "with a query needs entity and connection_env");
            }
        }
        if (c.RejectThreshold is < 0 or > 1) Fail("reject_threshold", "must be a share between 0 and 1 (0.01 = 1%)");
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(c.Timezone);
        }
        catch (TimeZoneNotFoundException)
        {
            Fail("timezone", $"'{c.Timezone}' is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)");
        }
        foreach (var s in c.Schedules)
        {
            if (string.IsNullOrWhiteSpace(s.Name)) Fail("schedules[].name", "is required");
            if (string.IsNullOrWhiteSpace(s.Cron)) Fail($"schedules.{s.Name}.cron", "is required (Quartz cron, seconds first)");
            foreach (var stage in s.Stages.Where(st => !Stages.Contains(st)))
            {
                Fail($"schedules.{s.Name}.stages", $"has unknown stage '{stage}' (use {string.Join(", ", Stages)})");
            }
        }
    }
}
