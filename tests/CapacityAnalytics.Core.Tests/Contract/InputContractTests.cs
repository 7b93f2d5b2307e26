using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Core.Tests.Contract;

public class InputContractTests
{
    [Theory]
    [InlineData("activities", "activities")]
    [InlineData("activities_2025-06", "activities")]
    [InlineData("account_history_2025", "account_history")]
    [InlineData("accounts", "accounts")]
    [InlineData("usage_events_part1", "usage_events")]
    [InlineData("Tickets_export", "tickets")]
    public void A_file_stem_maps_to_the_longest_matching_entity(string stem, string expected)
    {
        Assert.Equal(expected, InputContract.ForFileStem(stem)?.Name);
    }

    [Fact]
    public void A_file_stem_matching_no_entity_maps_to_nothing()
    {
        Assert.Null(InputContract.ForFileStem("readme"));
    }

    [Fact]
    public void Every_key_column_is_a_required_column_of_its_entity()
    {
        foreach (var entity in InputContract.Entities)
        {
            foreach (var key in entity.Key)
            {
                Assert.True(entity.Column(key)?.Required, $"{entity.Name}.{key}");
            }
        }
    }
}
