using System.CommandLine;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>
/// How a command is told which pipeline to run: a pipeline file, or a folder of exports with a preset and an output
/// folder (no YAML needed).
/// </summary>
public sealed class PipelineArguments
{
    public Argument<FileInfo?> File { get; } = new("pipeline")
    {
        Description = "Pipeline file (e.g. pipelines/sample.yaml). Omit it when giving --extracts.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<DirectoryInfo?> Extracts { get; } = new("--extracts") { Description = "A folder of exports to run on without a pipeline file." };

    public Option<string> Preset { get; } = new("--preset")
    {
        Description = "Format of --extracts: canonical, salesforce, zendesk or hubspot.",
        DefaultValueFactory = _ => SourceConfig.CanonicalPreset,
    };

    public Option<DirectoryInfo?> Out { get; } = new("--out") { Description = "Output folder for --extracts (capacity.duckdb, parquet/, dashboard/)." };

    public Option<string?> Timezone { get; } = new("--timezone") { Description = "IANA zone of naive timestamps in --extracts (default UTC)." };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "The day the measures are taken on (YYYY-MM-DD); overrides the pipeline file's as_of. Default: the latest activity date.",
    };

    public Option<int> Wait { get; } = new("--wait")
    {
        Description = "Seconds to wait for another run on the same warehouse before giving up.",
        DefaultValueFactory = _ => 600,
    };

    /// <param name="run">Whether the command runs stages (then --as-of and --wait apply); <c>capacity plan</c> only reads.</param>
    public void AddTo(Command command, bool run = true)
    {
        command.Arguments.Add(File);
        command.Options.Add(Extracts);
        command.Options.Add(Preset);
        command.Options.Add(Out);
        command.Options.Add(Timezone);
        if (!run) return;
        command.Options.Add(AsOf);
        command.Options.Add(Wait);
    }

    public PipelineConfig Resolve(ParseResult parse)
    {
        var config = ResolveFile(parse);
        if (parse.CommandResult.Command.Options.Contains(AsOf) && parse.GetValue(AsOf) is { } asOf)
        {
            if (!PipelineConfigLoader.IsDay(asOf)) throw new ConfigurationException($"--as-of '{asOf}' is not a date (YYYY-MM-DD).");
            config.AsOf = asOf;
            config.AsOfSource = "--as-of";
        }
        return config;
    }

    private PipelineConfig ResolveFile(ParseResult parse)
    {
        var file = parse.GetValue(File);
        var extracts = parse.GetValue(Extracts);
        if (file is not null && extracts is not null)
        {
            throw new ConfigurationException("give either a pipeline file or --extracts, not both.");
        }
        if (file is not null) return PipelineConfigLoader.LoadFile(file.FullName);
        if (extracts is null)
        {
            throw new ConfigurationException("name a pipeline file (e.g. pipelines/sample.yaml) or give --extracts DIR --out DIR.");
        }
        var output = parse.GetValue(Out) ?? throw new ConfigurationException("--extracts needs --out DIR for the warehouse and published files.");
        if (!extracts.Exists) throw new ConfigurationException($"{extracts.FullName}: no such folder; point --extracts at your exports.");
        return AdHocPipeline.For(extracts.FullName, parse.GetValue(Preset)!, output.FullName, parse.GetValue(Timezone));
    }
}
