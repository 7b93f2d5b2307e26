using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Core.Tests.Contract;

public class ContractMarkdownTests
{
    [Fact]
    public void The_committed_contract_docs_match_the_contract()
    {
        // Given the docs page generated from the contract
        var committed = File.ReadAllText(Capacity.TestModels.RepoFile("docs/input-contract.md"));

        // Then it is what the contract renders today (regenerate with `capacity contract > docs/input-contract.md`)
        Assert.Equal(ContractMarkdown.Render(), committed);
    }

    [Fact]
    public void Every_entity_and_required_column_appears_in_the_docs()
    {
        var markdown = ContractMarkdown.Render();
        foreach (var entity in InputContract.Entities)
        {
            Assert.Contains($"## `{entity.Name}`", markdown, StringComparison.Ordinal);
            foreach (var column in entity.RequiredColumns)
            {
                Assert.Contains($"| `{column.Name}` | yes |", markdown, StringComparison.Ordinal);
            }
        }
    }
}
