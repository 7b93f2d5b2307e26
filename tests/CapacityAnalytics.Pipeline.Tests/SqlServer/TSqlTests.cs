using CapacityAnalytics.Pipeline.Targets.SqlServer;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class TSqlTests
{
    [Theory]
    [InlineData("dim_account", "[dim_account]")]
    [InlineData("odd]name", "[odd]]name]")]
    [InlineData("with space", "[with space]")]
    [InlineData("[already]", "[[already]]]")]
    public void Identifiers_are_bracketed_with_closing_brackets_doubled(string name, string quoted)
    {
        Assert.Equal(quoted, TSql.Quote(name));
    }

    [Fact]
    public void A_qualified_name_quotes_schema_and_table_separately()
    {
        Assert.Equal("[my schema].[t]]1]", TSql.Name("my schema", "t]1"));
    }

    [Fact]
    public void Text_literals_are_unicode_with_quotes_doubled()
    {
        Assert.Equal("N'O''Brien'", TSql.Literal("O'Brien"));
    }
}
