using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class HeaderNormalizerTests
{
    [Theory]
    [InlineData("AccountId", "account_id")]
    [InlineData("account_id", "account_id")]
    [InlineData("CallDurationInSeconds", "call_duration_in_seconds")]
    [InlineData("ARR__c", "arr_c")]
    [InlineData("Product2Id", "product_2_id")]
    [InlineData("bizible2__Bizible_Id__c", "bizible_2_bizible_id_c")]
    [InlineData("SICDesc", "sic_desc")]
    [InlineData("_fivetran_synced", "fivetran_synced")]
    [InlineData("property_hs_all-funky-a9384-syntax", "property_hs_all_funky_a9384_syntax")]
    [InlineData("Account ID", "account_id")]
    [InlineData("via__channel", "via_channel")]
    public void Vendor_headers_normalize_to_one_snake_case_name(string header, string expected)
    {
        // Given a vendor header / When normalized / Then
        Assert.Equal(expected, HeaderNormalizer.Normalize(header));
    }

    [Fact]
    public void Repeated_and_empty_headers_get_unique_names()
    {
        // Given / When
        var names = HeaderNormalizer.NormalizeAll(["Type", "type", ""]);

        // Then
        Assert.Equal(["type", "type_2", "column_3"], names);
    }
}
