using System.Globalization;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>Model versions such as 2026.4.0; the next version increments the last number (2026.4.0 -> 2026.4.1).</summary>
public static class ModelVersion
{
    public static string Next(string version)
    {
        var parts = version.Split('.');
        if (parts.Length > 0 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            parts[^1] = (last + 1).ToString(CultureInfo.InvariantCulture);
            return string.Join('.', parts);
        }
        return version + ".1";
    }
}
