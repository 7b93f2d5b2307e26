namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>How the source files differ from what the raw tables hold.</summary>
public enum InputChange
{
    /// <summary>A source is not a folder of files (a SQL query): always a full ingest.</summary>
    Untracked,

    /// <summary>Every file is as last loaded, none added or removed: ingest has nothing to do.</summary>
    Unchanged,

    /// <summary>Only new files, each newer (later by path) than its entity's loaded files: they are appended.</summary>
    Added,

    /// <summary>Anything else (first load, a file changed or removed, a new file among older ones): a full ingest.</summary>
    Changed,
}

/// <summary>What a run found before its first stage: the input files, what changed, and whether there is anything to do.</summary>
public sealed record IncrementalPlan(
    InputChange Change,
    IReadOnlyList<InputFile>? Files,
    IReadOnlyList<InputFile> Added,
    RunInputs Inputs,
    bool NothingToDo,
    string Reason);
