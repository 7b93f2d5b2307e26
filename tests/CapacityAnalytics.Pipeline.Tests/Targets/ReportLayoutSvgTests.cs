using System.Xml.Linq;
using CapacityAnalytics.Pipeline.Targets.PowerBi;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public sealed class ReportLayoutSvgTests
{
    /// <summary>Set to 1 to rewrite docs/powerbi/*.svg from the layout instead of comparing.</summary>
    private const string UpdateVariable = "CAPACITY_UPDATE_DOCS";

    public static TheoryData<string> Pages() => [.. ReportLayout.Pages.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_committed_page_picture_is_what_the_renderer_draws_for_the_layout(string name)
    {
        // Given the declared page and its picture in docs/powerbi
        var page = ReportLayout.Pages.Single(p => p.Name == name);
        var path = TestFiles.RepoFile(Path.Combine("docs", "powerbi", name + ".svg"));

        // When the renderer draws the page
        var svg = ReportLayoutSvg.Render(page);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") File.WriteAllText(path, svg);

        // Then the committed picture is the same, byte for byte (rerun with CAPACITY_UPDATE_DOCS=1 to redraw it)
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1");
        Assert.True(File.ReadAllText(path) == svg, $"{path} is out of date; run the tests with {UpdateVariable}=1 and commit it");
    }

    [Fact]
    public void The_picture_is_well_formed_svg_with_one_box_per_visual_and_every_title()
    {
        foreach (var page in ReportLayout.Pages)
        {
            var svg = XDocument.Parse(ReportLayoutSvg.Render(page));
            XNamespace ns = "http://www.w3.org/2000/svg";

            Assert.Equal(page.Visuals.Select(v => v.Name), svg.Root!.Elements(ns + "g").Select(g => (string)g.Attribute("id")!));
            foreach (var visual in page.Visuals)
            {
                var group = svg.Root.Elements(ns + "g").Single(g => (string)g.Attribute("id")! == visual.Name);
                var rect = group.Element(ns + "rect")!;
                Assert.Equal([visual.Box.X, visual.Box.Y, visual.Box.Width, visual.Box.Height],
                    new[] { "x", "y", "width", "height" }.Select(a => (int)rect.Attribute(a)!));
                Assert.StartsWith(visual.Title.TrimEnd('\u2026')[..Math.Min(8, visual.Title.Length)], group.Element(ns + "text")!.Value, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("href", svg.ToString(), StringComparison.Ordinal);
        }
    }
}
