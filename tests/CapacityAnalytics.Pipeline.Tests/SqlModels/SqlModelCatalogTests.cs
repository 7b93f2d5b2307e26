using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.SqlModels;

public class SqlModelCatalogTests
{
    private const string Yaml = "grain: one row\n";

    [Fact]
    public void Models_are_ordered_after_the_models_they_read_whatever_their_names()
    {
        // Given z_base <- m_middle <- a_top, so alphabetical order is the reverse of dependency order
        using var dir = new TestFiles.TempFolder();
        dir.Write("staging/z_base.sql", "select 1 as id");
        dir.Write("staging/z_base.yaml", Yaml);
        dir.Write("intermediate/m_middle.sql", "select id from z_base");
        dir.Write("intermediate/m_middle.yaml", Yaml);
        dir.Write("marts/a_top.sql", "-- reads m_middle only; z_base in a comment or 'z_base' in a string is no dependency\nselect id, 'z_base' as note from m_middle");
        dir.Write("marts/a_top.yaml", Yaml);

        // When the folder is discovered
        var models = SqlModelCatalog.Discover(dir.Path);

        // Then each model comes after what it reads, and only identifiers count as dependencies
        Assert.Equal(["z_base", "m_middle", "a_top"], models.Select(m => m.Name));
        Assert.Equal(["m_middle"], models[2].DependsOn);
    }

    [Fact]
    public void A_dependency_cycle_is_an_error_naming_the_models()
    {
        // Given two models reading each other
        using var dir = new TestFiles.TempFolder();
        dir.Write("p_one.sql", "select * from p_two");
        dir.Write("p_one.yaml", Yaml);
        dir.Write("p_two.sql", "select * from p_one");
        dir.Write("p_two.yaml", Yaml);

        // When the folder is discovered
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        // Then the one-line message names the cycle
        Assert.Contains("dependency cycle among p_one, p_two", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Malformed_yaml_is_a_one_line_error_naming_the_file_and_line()
    {
        // Given a model whose YAML has a bad indentation on line 3
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_bad.sql", "select 1 as id");
        var yaml = dir.Write("m_bad.yaml", "grain: one row\ncolumns:\n  - name: id\n   description: broken: here\n");

        // When the folder is discovered
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        // Then the message is one line starting with file:line
        Assert.StartsWith($"{yaml}:", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"m_bad\.yaml:\d+", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void An_unknown_test_is_an_error_naming_the_file_and_line()
    {
        // Given a column test with a typo on line 5
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_typo.sql", "select 1 as id");
        var yaml = dir.Write("m_typo.yaml", "grain: one row\ncolumns:\n  - name: id\n    tests:\n      - uniqe\n");

        // When the folder is discovered
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        // Then the message points at the line of the typo
        Assert.Equal($"{yaml}:5: unknown column test 'uniqe' (expected unique, not_null, accepted_values, relationships).", ex.Message);
    }

    [Fact]
    public void A_model_without_yaml_is_an_error()
    {
        // Given a SQL file alone
        using var dir = new TestFiles.TempFolder();
        var sql = dir.Write("m_alone.sql", "select 1 as id");

        // When the folder is discovered
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        // Then the error names the file and what is missing
        Assert.StartsWith($"{sql}: no m_alone.yaml beside it", ex.Message, StringComparison.Ordinal);
    }
}
