using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityAnalytics.Cli;

/// <summary>How <c>--format json</c> spells its documents: snake_case names, no indentation, nulls kept.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
