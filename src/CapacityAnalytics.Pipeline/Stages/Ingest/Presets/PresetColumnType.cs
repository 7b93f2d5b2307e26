namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>How a declared source column is normalized into canonical text before the mapping SQL reads it.</summary>
public enum PresetColumnType
{
    /// <summary>Trimmed; empty becomes NULL.</summary>
    Text,

    /// <summary>Trimmed; empty becomes NULL. Kept as text: the typing step parses it.</summary>
    Number,

    /// <summary>true/false from TRUE/true/1/yes/t (and their negatives).</summary>
    Bool,

    /// <summary>YYYY-MM-DD from a date, a timestamp or epoch seconds/milliseconds.</summary>
    Date,

    /// <summary>ISO-8601 UTC with Z from naive (taken as UTC), offset or epoch timestamps.</summary>
    Timestamp,
}
