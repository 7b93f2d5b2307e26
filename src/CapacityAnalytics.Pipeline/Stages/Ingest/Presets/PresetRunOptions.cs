namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Per-run choices for <see cref="PresetTranslator"/>.</summary>
/// <param name="Entities">Entities to produce; null = every entity not marked <c>on_request</c>.</param>
/// <param name="Parameters">Values overriding the preset's <c>params</c> (e.g. a pipeline's ARR field).</param>
public sealed record PresetRunOptions(
    IReadOnlyCollection<string>? Entities = null,
    IReadOnlyDictionary<string, PresetParameter>? Parameters = null);
