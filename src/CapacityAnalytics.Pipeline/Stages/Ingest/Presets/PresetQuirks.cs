namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>The quirk kinds a preset run counts, and what happens to the data in each case.</summary>
public static class PresetQuirks
{
    /// <summary>A file mixes CRLF and LF line ends: read with DuckDB's relaxed dialect.</summary>
    public const string MixedLineEndings = "mixed_line_endings";

    /// <summary>A file's last record has no line end: read as usual.</summary>
    public const string MissingTrailingNewline = "missing_trailing_newline";

    /// <summary>A UTF-8 byte order mark: skipped.</summary>
    public const string ByteOrderMark = "byte_order_mark";

    /// <summary>A header of 100 columns or more: read in full, only declared columns are used.</summary>
    public const string WideFile = "wide_file";

    /// <summary>The strict RFC 4180 reader failed, the file was read with strict_mode=false.</summary>
    public const string RelaxedCsvParse = "relaxed_csv_parse";

    /// <summary>A declared column is absent from the file(s): read as NULL.</summary>
    public const string AbsentColumn = "absent_column";

    /// <summary>An optional vendor table has no file: read as an empty table.</summary>
    public const string AbsentSource = "absent_source";

    /// <summary>Epoch milliseconds (11-14 digits) in a timestamp/date column: converted to ISO UTC.</summary>
    public const string EpochMilliseconds = "epoch_milliseconds";

    /// <summary>Epoch seconds (9-10 digits) in a timestamp/date column: converted to ISO UTC.</summary>
    public const string EpochSeconds = "epoch_seconds";

    /// <summary>A timestamp in 1970 (seconds stored as milliseconds upstream): re-read with the unit fixed.</summary>
    public const string Rescaled1970Timestamp = "rescaled_1970_timestamp";

    /// <summary>A timestamp/date that no rule parses: passed through as text for the typing step to reject.</summary>
    public const string UnparsedTimestamp = "unparsed_timestamp";

    /// <summary>A boolean spelled TRUE/1/yes/...: normalized to true/false.</summary>
    public const string BooleanSpelling = "boolean_spelling";

    /// <summary>A boolean that is none of the known spellings: passed through.</summary>
    public const string UnparsedBoolean = "unparsed_boolean";

    /// <summary>An obfuscated (base64 or hex MD5) value: kept; where an enum was expected it stays unmapped.</summary>
    public const string HashedValue = "hashed_value";

    /// <summary>A JSON object/array inside a cell: kept as text.</summary>
    public const string JsonCell = "json_cell";

    /// <summary>An enum value outside the contract's allowed values: kept as given (the typing step rejects it).</summary>
    public const string UnmappedValue = "unmapped_value";

    /// <summary>A vendor activity type that is not canonical: kept, for the model file's type_map.</summary>
    public const string VendorActivityType = "vendor_activity_type";

    /// <summary>A required contract column is empty: kept (the typing step rejects the row).</summary>
    public const string RequiredEmpty = "required_empty";

    /// <summary>A ticket solved (or an opportunity closed) before it was created: kept, counted.</summary>
    public const string EndsBeforeStart = "ends_before_start";

    /// <summary>A cell equal to one of the source's null tokens (?, N/A, -): read as NULL.</summary>
    public const string NullToken = "null_token";

    /// <summary>An Excel serial day number (e.g. 45717.5) in a date/timestamp column: converted from 1899-12-30.</summary>
    public const string ExcelSerial = "excel_serial";

    /// <summary>Rows a source's <c>where</c> left out.</summary>
    public const string FilteredOut = "filtered_out";

    /// <summary>An event log collapsed to one row per key (count = event rows; detail = rows after).</summary>
    public const string EventLogCollapsed = "event_log_collapsed";
}
