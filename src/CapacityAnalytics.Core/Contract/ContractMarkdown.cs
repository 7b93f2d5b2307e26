using System.Text;

namespace CapacityAnalytics.Core.Contract;

/// <summary>Renders the input contract as the markdown of <c>docs/input-contract.md</c>, so the docs cannot drift.</summary>
public static class ContractMarkdown
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Input contract (canonical format)\n\n");
        text.Append("Generated from `src/CapacityAnalytics.Core/Contract/InputContract.cs` by `capacity contract`; do not edit by hand.\n\n");
        text.Append("An extract folder holds one or more files per entity. A file belongs to the entity its name starts with ");
        text.Append("(`activities.csv`, `activities_2025-06.csv`) or to the entity its folder is named after (`tickets/part-001.parquet`). ");
        text.Append("CSV: UTF-8 (BOM allowed), comma separated, header row, RFC 4180 quoting, LF or CRLF. Dates `YYYY-MM-DD`; ");
        text.Append("timestamps ISO-8601 with `Z` or an offset (without one: the pipeline's `timezone`), stored in UTC. ");
        text.Append("Column names are case-insensitive; extra columns are kept in staging and ignored. ");
        text.Append("Re-exports: rows with the same key replace earlier ones (later file wins, then `modified_at`/`updated_at`).\n\n");
        foreach (var entity in InputContract.Entities)
        {
            text.Append("## `").Append(entity.Name).Append('`').Append(entity.Optional ? " (optional)" : "").Append("\n\n");
            if (entity.Key.Count > 0)
            {
                text.Append("Key: ").Append(string.Join(", ", entity.Key.Select(k => $"`{k}`"))).Append("\n\n");
            }
            if (entity == InputContract.UsageEvents)
            {
                text.Append("Event key: `account_id`, `user_id`, `occurred_at`, `event`. Files whose days overlap are re-exports of one stream: ");
                text.Append("an event counts as often as the one file holding its key most often (two identical events in one export are two ");
                text.Append("events; the same event in two exports is one). A new file that shares no day with a loaded one is appended on its own.\n\n");
            }
            text.Append("| column | required | type | default |\n|---|---|---|---|\n");
            foreach (var column in entity.Columns)
            {
                text.Append("| `").Append(column.Name).Append("` | ")
                    .Append(column.Required ? "yes" : "")
                    .Append(" | ").Append(column.Describe())
                    .Append(" | ").Append(column.Default is null ? "" : $"`{column.Default}`")
                    .Append(" |\n");
            }
            text.Append('\n');
        }
        text.Append("Canonical activity types: ").Append(string.Join(", ", InputContract.ActivityTypes.Select(t => $"`{t}`")));
        text.Append(". Other type strings are mapped by the model file's `type_map`; a type that maps to nothing is reported, not dropped.\n");
        return text.ToString();
    }
}
