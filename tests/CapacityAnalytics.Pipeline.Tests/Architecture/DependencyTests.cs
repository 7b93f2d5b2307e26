using System.Reflection;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Transform;
using CapacityAnalytics.Sample;

namespace CapacityAnalytics.Pipeline.Tests.Architecture;

/// <summary>
/// Dependencies point one way (docs/architecture.md): Core &lt;- the Pipeline's foundations (configuration, warehouse,
/// connections, SQL models, the stage contract) &lt;- stages (ingest, transform, calibrate, publish) &lt;- publish
/// targets &lt;- hosting (the stage catalog, the scheduler) &lt;- the CLI. Read from the compiled types, method bodies included.
/// </summary>
public sealed class DependencyTests
{
    private static readonly Assembly Core = typeof(InputContract).Assembly;
    private static readonly Assembly Pipeline = typeof(PipelineRunner).Assembly;

    private static readonly string[] Foundations =
        ["Pipeline", "Pipeline.Configuration", "Pipeline.Connections", "Pipeline.Running", "Pipeline.SqlModels", "Pipeline.Warehouse"];

    /// <summary>The concept a namespace belongs to: a stage or a target with everything below it, else its top folder.</summary>
    private static string Unit(string ns)
    {
        var parts = ns.Replace("CapacityAnalytics.", "", StringComparison.Ordinal).Split('.');
        var depth = parts.Length >= 3 && parts[1] is "Stages" or "Targets" ? 3 : Math.Min(parts.Length, 2);
        return string.Join('.', parts.Take(depth));
    }

    private static int Layer(string unit) => unit switch
    {
        _ when Foundations.Contains(unit) => 1,
        _ when unit.StartsWith("Pipeline.Stages.", StringComparison.Ordinal) => 2,
        "Pipeline.Targets" => 3,
        _ when unit.StartsWith("Pipeline.Targets.", StringComparison.Ordinal) => 3,
        "Pipeline.Hosting" => 4,
        _ => throw new InvalidOperationException($"namespace unit '{unit}' is in no layer: place it in DependencyTests and docs/architecture.md"),
    };

    /// <summary>Our types (the regex source generator adds some under System.Text), each with the types it uses.</summary>
    private static IEnumerable<Type> OwnTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Namespace?.StartsWith("CapacityAnalytics.", StringComparison.Ordinal) == true);

    private static IEnumerable<(Type From, Type To)> Uses(Assembly assembly) =>
        OwnTypes(assembly).SelectMany(t => TypeReferences.Of(t).Where(u => u.Assembly == assembly && u.Namespace?.StartsWith("CapacityAnalytics.", StringComparison.Ordinal) == true).Select(u => (t, u)));

    [Fact]
    public void The_reader_sees_calls_made_inside_method_bodies()
    {
        // TransformStage calls SqlModelRunner.Build only inside Run: the check must see it, or it could never fail.
        Assert.Contains(typeof(SqlModelRunner), TypeReferences.Of(typeof(TransformStage)));
        Assert.Contains(typeof(IStage), TypeReferences.Of(typeof(PipelineRunner)));
    }

    [Fact]
    public void Every_pipeline_namespace_belongs_to_a_layer()
    {
        var units = OwnTypes(Pipeline).Select(t => Unit(t.Namespace!)).Distinct();
        foreach (var unit in units) Layer(unit);
    }

    [Fact]
    public void Each_layer_uses_only_its_own_and_lower_layers()
    {
        var upward = Uses(Pipeline)
            .Where(u => Layer(Unit(u.To.Namespace!)) > Layer(Unit(u.From.Namespace!)))
            .Select(u => $"{u.From.FullName} -> {u.To.FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(upward.Count == 0, "uses a higher layer:\n" + string.Join('\n', upward));
    }

    [Fact]
    public void A_stage_does_not_use_another_stage()
    {
        var across = Uses(Pipeline)
            .Select(u => (From: Unit(u.From.Namespace!), To: Unit(u.To.Namespace!), u.From, u.To))
            .Where(u => u.From != u.To && u.From.StartsWith("Pipeline.Stages.", StringComparison.Ordinal) && u.To.StartsWith("Pipeline.Stages.", StringComparison.Ordinal))
            .Select(u => $"{u.Item3.FullName} -> {u.Item4.FullName}")
            .Distinct()
            .ToList();
        Assert.True(across.Count == 0, "one stage uses another:\n" + string.Join('\n', across));
    }

    [Theory]
    [InlineData("Core")]
    [InlineData("Pipeline")]
    public void No_two_namespaces_reach_each_other_in_a_loop(string assemblyName)
    {
        var assembly = assemblyName == "Core" ? Core : Pipeline;
        var edges = Uses(assembly)
            .Select(u => (From: Unit(u.From.Namespace!), To: Unit(u.To.Namespace!)))
            .Where(e => e.From != e.To)
            .Distinct()
            .ToLookup(e => e.From, e => e.To);
        var loops = edges.Select(e => e.Key)
            .Where(start => Reaches(edges, start, start))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(loops.Count == 0, "in a dependency loop: " + string.Join(", ", loops));
    }

    [Fact]
    public void Assemblies_reference_only_the_ones_below_them()
    {
        static string[] Ours(Assembly a) => [.. a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("CapacityAnalytics", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Empty(Ours(Core));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), r => r.Name is "DuckDB.NET.Data" or "Microsoft.Data.SqlClient");
        Assert.Equal(["CapacityAnalytics.Core"], Ours(Pipeline));
        Assert.Equal(["CapacityAnalytics.Core"], Ours(typeof(SampleCompanyGenerator).Assembly));
    }

    private static bool Reaches(ILookup<string, string> edges, string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(edges[from]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == target) return true;
            if (!seen.Add(next)) continue;
            foreach (var further in edges[next]) pending.Push(further);
        }
        return false;
    }
}
