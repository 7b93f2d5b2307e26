using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>Reads a pipeline file; unknown or misspelt keys are errors naming the file and line.</summary>
public static partial class PipelineConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly string[] Stages = ["ingest", "transform", "calibrate", "publish"];

    public static PipelineConfig Load(TextReader reader, string sourceName, string baseDirectory)
    {
        PipelineConfig config;
        var text = reader.ReadToEnd();
        try
        {
            config = Deserializer.Deserialize<PipelineConfig>(new StringReader(text))
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
        Validate(config, sourceName, text);
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

    /// <summary>The form of a pipeline or schedule name: it becomes part of run ids and of folder names under the output folder.</summary>
    public const string SlugForm = "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

    /// <summary>True for a name in <see cref="SlugForm"/>.</summary>
    public static bool IsSlug(string? name) => name is not null && SlugPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private static void Validate(PipelineConfig c, string src, string text)
    {
        void Fail(string key, string what) => throw new ConfigurationException($"{src}: key '{key}' {what}.");

        if (string.IsNullOrWhiteSpace(c.Name)) Fail("name", "is required");
        if (!IsSlug(c.Name))
        {
            throw new ConfigurationException(
                $"{src}:{LineOf(text, "^name[ \t]*:")}: key 'name' '{c.Name}' is not a slug ({SlugForm}), e.g. acme-emea.");
        }
        foreach (var s in c.Schedules.Where(s => !string.IsNullOrWhiteSpace(s.Name) && !IsSlug(s.Name)))
        {
            throw new ConfigurationException(
                $"{src}:{LineOf(text, "^[ \t-]*name[ \t]*:[ \t]*['\"]?" + Regex.Escape(s.Name))}: key 'schedules[].name' '{s.Name}' is not a slug ({SlugForm}).");
        }
        if (c.Sources.Count == 0) Fail("sources", "needs at least one source (a folder of extracts)");
        for (var i = 0; i < c.Sources.Count; i++)
        {
            var s = c.Sources[i];
            if (s.Path is null && s.Query is null) Fail($"sources[{i}]", "needs a path (folder of extracts) or a query");
            if (s.Query is not null && (s.Entity is null || s.ConnectionEnv is null))
            {
                Fail($"sources[{i}]", "with a query needs entity and connection_env");
            }
            if (s.Mapping is not null && s.Preset != SourceConfig.CanonicalPreset)
            {
                Fail($"sources[{i}]", $"has both preset '{s.Preset}' and mapping '{s.Mapping}'; keep one");
            }
            if (s.Mapping is not null && !File.Exists(c.Resolve(s.Mapping)))
            {
                Fail($"sources[{i}].mapping", $"names {c.Resolve(s.Mapping)}, which does not exist (the path is relative to the pipeline file)");
            }
        }
        if (c.AsOf is not null)
        {
            if (!IsDay(c.AsOf)) Fail("as_of", $"'{c.AsOf}' is not a date (YYYY-MM-DD)");
            c.AsOfSource = $"{src}: as_of";
        }
        if (!IsDay(c.Plausible.Earliest)) Fail("plausible.earliest", $"'{c.Plausible.Earliest}' is not a date (YYYY-MM-DD)");
        if (c.Plausible.DaysAhead is < 0 or > 3660) Fail("plausible.days_ahead", "must be between 0 and 3660 days");
        if (c.Plausible.PlannedYearsAhead is < 0 or > 100) Fail("plausible.planned_years_ahead", "must be between 0 and 100 years");
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

    /// <summary>True for a day written YYYY-MM-DD.</summary>
    public static bool IsDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    /// <summary>The 1-based line of the first line matching <paramref name="pattern"/>, or 1.</summary>
    private static int LineOf(string text, string pattern)
    {
        var match = Regex.Match(text, pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? text.AsSpan(0, match.Index).Count('\n') + 1 : 1;
    }
}
