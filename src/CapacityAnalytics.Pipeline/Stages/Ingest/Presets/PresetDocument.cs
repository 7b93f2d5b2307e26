namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

// The YAML shape of a preset or user mapping file, bound by YamlDotNet (which needs settable properties);
// PresetValidator validates it and turns it into the immutable Preset records. Unknown keys are rejected by the
// deserializer; the parts typed object (column declarations, field expressions, conditions) can take a scalar or a
// mapping and are checked by MappingSyntax, which names the line from a MappingLines index.
#pragma warning disable CA2227 // Collection setters are how YamlDotNet fills these data-transfer objects.

public sealed class PresetDocument
{
    public string? Preset { get; set; }

    /// <summary>A user mapping file's name (free text; the shipped presets use <see cref="Preset"/>).</summary>
    public string? Mapping { get; set; }

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

    /// <summary>column -> type, or column -> {type, format, order}.</summary>
    public Dictionary<string, object>? Columns { get; set; }

    public List<string>? RequiredColumns { get; set; }

    /// <summary>Cell values read as empty (compared trimmed, case-insensitive), e.g. ?, N/A, -.</summary>
    public List<string>? NullTokens { get; set; }

    /// <summary>Rows kept (a condition); applied before <see cref="Collapse"/>.</summary>
    public object? Where { get; set; }

    public PresetCollapseDocument? Collapse { get; set; }
}

/// <summary>An event log collapsed to one row per key: the latest row's values plus aggregates.</summary>
public sealed class PresetCollapseDocument
{
    /// <summary>A column or a list of columns.</summary>
    public object? Key { get; set; }

    public string? OrderBy { get; set; }

    public Dictionary<string, PresetPickDocument>? First { get; set; }

    public Dictionary<string, PresetPickDocument>? Last { get; set; }

    public Dictionary<string, PresetCountDocument>? Count { get; set; }

    public Dictionary<string, string>? Sum { get; set; }

    public Dictionary<string, string>? CountDistinct { get; set; }
}

public sealed class PresetPickDocument
{
    public string? Column { get; set; }

    public object? Where { get; set; }
}

public sealed class PresetCountDocument
{
    public object? Where { get; set; }

    /// <summary>Counted only when the previous row of the key (in order) meets this condition.</summary>
    public object? After { get; set; }
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

    /// <summary>The source a declarative mapping reads (instead of <see cref="Sql"/>).</summary>
    public string? From { get; set; }

    public object? Where { get; set; }

    /// <summary>canonical column -> field expression.</summary>
    public Dictionary<string, object>? Columns { get; set; }
}
#pragma warning restore CA2227
