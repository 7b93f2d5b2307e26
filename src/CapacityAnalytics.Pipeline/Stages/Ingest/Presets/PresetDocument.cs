namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

// The YAML shape of a preset file, bound by YamlDotNet (which needs settable properties); PresetLoader validates
// it and turns it into the immutable Preset records. Unknown keys are rejected by the deserializer.
#pragma warning disable CA2227 // Collection setters are how YamlDotNet fills these data-transfer objects.

public sealed class PresetDocument
{
    public string? Preset { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, object>? Params { get; set; }

    public Dictionary<string, PresetSourceDocument>? Sources { get; set; }

    public Dictionary<string, PresetMapDocument>? Maps { get; set; }

    public Dictionary<string, PresetEntityDocument>? Entities { get; set; }
}

public sealed class PresetSourceDocument
{
    public List<string>? Files { get; set; }

    public List<string>? Exclude { get; set; }

    public bool Required { get; set; } = true;

    public Dictionary<string, string>? Aliases { get; set; }

    public Dictionary<string, string>? Columns { get; set; }

    public List<string>? RequiredColumns { get; set; }
}

public sealed class PresetMapDocument
{
    public string? Match { get; set; }

    public Dictionary<string, string>? Values { get; set; }
}

public sealed class PresetEntityDocument
{
    public string? Description { get; set; }

    public bool OnRequest { get; set; }

    public string? Sql { get; set; }
}
#pragma warning restore CA2227
