using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Writes a capacity model file deterministically: the loader's key names, properties in declaration order,
/// dictionaries and lists in their order, numbers rounded to <see cref="Decimals"/> decimals in invariant culture,
/// LF line ends. The same model gives the same bytes.
/// </summary>
public static class ModelYamlWriter
{
    public const int Decimals = 4;

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyYamlConverter())
        .WithTypeConverter(new RoundedDoubleConverter())
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .DisableAliases()
        .WithNewLine("\n")
        .Build();

    public static string Write(CapacityModel model, string? headerComment = null)
    {
        var header = headerComment is null ? "" : string.Concat(headerComment.Split('\n').Select(l => "# " + l + "\n"));
        return header + Serializer.Serialize(model);
    }

    /// <summary>A number as the writer stores it.</summary>
    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    private sealed class RoundedDoubleConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(double) || type == typeof(double?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
            double.Parse(parser.Consume<Scalar>().Value, CultureInfo.InvariantCulture);

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            var rounded = Round((double)value!);
            // "0.####" never writes an exponent or a trailing zero; -0 is written as 0.
            var text = (rounded == 0 ? 0 : rounded).ToString("0.####", CultureInfo.InvariantCulture);
            emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));
        }
    }
}
