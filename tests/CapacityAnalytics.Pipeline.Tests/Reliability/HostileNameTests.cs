using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>Issue 12, item 1: names from configuration that would lead a write or a delete out of the output folder.</summary>
public sealed class HostileNameTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-names-").FullName;

    [Theory]
    [InlineData("x/../../../victim")]
    [InlineData("acme/emea")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("Acme EMEA")]
    [InlineData("acme\\emea")]
    public void A_pipeline_name_that_is_not_a_slug_is_refused_naming_file_line_and_the_allowed_form(string name)
    {
        var file = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(file, $"# a pipeline\ndescription: x\nname: '{name}'\nsources:\n  - path: ./x\n");

        var ex = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.LoadFile(file));

        Assert.StartsWith($"{file}:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(PipelineConfigLoader.SlugForm, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_name_that_is_not_a_slug_is_refused()
    {
        var file = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(file, "name: acme\nsources:\n  - path: ./x\nschedules:\n  - name: ../daily\n    cron: '0 0 6 * * ?'\n");

        var ex = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.LoadFile(file));

        Assert.StartsWith($"{file}:5:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme-emea_2")]
    public void A_slug_is_accepted(string name)
    {
        var file = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(file, $"name: {name}\nsources:\n  - path: ./x\n");

        Assert.Equal(name, PipelineConfigLoader.LoadFile(file).Name);
    }

    [Theory]
    [InlineData("../victim")]
    [InlineData("runs/../../victim")]
    [InlineData("/tmp/victim")]
    [InlineData("..")]
    public void A_path_that_traverses_or_is_absolute_elsewhere_is_refused(string path)
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;

        Assert.Throws<ConfigurationException>(() => OutputPath.Inside(root, path));
    }

    [Fact]
    public void A_path_inside_the_folder_is_resolved_absolute_or_relative()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;

        Assert.Equal(Path.Combine(root, "parquet", "runs", "r1"), OutputPath.Inside(root, "parquet/runs/r1"));
        Assert.Equal(Path.Combine(root, "a"), OutputPath.Inside(root, Path.Combine(root, "b", "..", "a")));
        Assert.Equal(root, OutputPath.Inside(root, "."));
    }

    [Fact]
    public void A_symbolic_link_under_the_folder_that_leads_out_of_it_is_refused()
    {
        var root = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var victim = Directory.CreateDirectory(Path.Combine(_dir, "victim")).FullName;
        File.WriteAllText(Path.Combine(victim, "keep.txt"), "precious");
        Directory.CreateSymbolicLink(Path.Combine(root, "dashboard"), victim);

        Assert.Throws<ConfigurationException>(() => OutputPath.Inside(root, "dashboard"));
        Assert.Throws<ConfigurationException>(() => OutputPath.Inside(root, "dashboard/index.html"));
        Assert.True(File.Exists(Path.Combine(victim, "keep.txt")));
    }

    [Fact]
    public void A_symbolic_link_that_stays_inside_the_folder_is_allowed_and_the_root_may_itself_be_a_link()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir, "real-out")).FullName;
        Directory.CreateDirectory(Path.Combine(real, "parquet", "runs", "r1"));
        Directory.CreateSymbolicLink(Path.Combine(real, "parquet", "current"), Path.Combine("runs", "r1"));
        var root = Path.Combine(_dir, "out");
        Directory.CreateSymbolicLink(root, real);

        Assert.Equal(Path.Combine(root, "parquet", "current"), OutputPath.Inside(root, "parquet/current"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
