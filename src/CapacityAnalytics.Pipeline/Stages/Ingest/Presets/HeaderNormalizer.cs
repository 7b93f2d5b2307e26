using System.Text;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Turns vendor header spellings into one snake_case name, so one mapping serves the Salesforce Data Loader / API
/// export (<c>AccountId</c>, <c>ARR__c</c>, <c>Product2Id</c>) and the Fivetran replica (<c>account_id</c>,
/// <c>arr_c</c>, <c>product_2_id</c>). Leading and trailing underscores go (<c>_fivetran_synced</c> becomes
/// <c>fivetran_synced</c>), so no vendor column can collide with the landing columns <c>_file</c>/<c>_line</c>.
/// </summary>
public static class HeaderNormalizer
{
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.Trim().Trim('\uFEFF');
        // Word boundaries inside camel humps and digits only exist in mixed-case names; a name already in lower
        // case (Fivetran, HubSpot) keeps its words as they are.
        var camel = text.Any(char.IsUpper);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                AppendSeparator(builder);
                continue;
            }
            if (camel && i > 0 && IsBoundary(text, i))
            {
                AppendSeparator(builder);
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Trim('_');
    }

    /// <summary>Normalized names for a header row; empty names become column_N, repeats get a _2, _3 suffix.</summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var header in headers)
        {
            var name = Normalize(header);
            if (name.Length == 0)
            {
                name = "column_" + (result.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            result.Add(unique);
        }
        return result;
    }

    private static bool IsBoundary(string text, int i)
    {
        var c = text[i];
        var prev = text[i - 1];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (!char.IsAsciiLetterOrDigit(prev))
        {
            return false;
        }
        return (char.IsUpper(c) && (char.IsLower(prev) || char.IsDigit(prev)))
            || (char.IsUpper(c) && char.IsUpper(prev) && char.IsLower(next))
            || (char.IsDigit(c) && char.IsLetter(prev))
            || (char.IsLetter(c) && char.IsDigit(prev));
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
