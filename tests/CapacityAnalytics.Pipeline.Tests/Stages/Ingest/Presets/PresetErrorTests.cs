using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class PresetErrorTests
{
    [Fact]
    public void An_unknown_preset_name_lists_the_available_presets()
    {
        // Given the shipped presets
        // When an unknown one is asked for
        var error = Assert.Throws<PresetNotFoundException>(() => PresetLoader.Load(PresetLoader.DefaultDirectory, "pipedrive"));

        // Then the one-line message names it and lists the others
        Assert.Equal("Unknown preset 'pipedrive'. Available presets: hubspot, salesforce, zendesk.", error.Message);
    }

    [Fact]
    public void A_missing_required_source_file_names_the_preset_and_the_pattern()
    {
        // Given an extract with Salesforce accounts but no users
        using var extract = new TempExtract().With("Account.csv", "Id,Name\n001A1,Acme\n");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var preset = PresetLoader.Load(PresetLoader.DefaultDirectory, "salesforce");

        // When translated
        var error = Assert.Throws<PresetSourceMissingException>(() => PresetTranslator.Translate(connection, preset, extract.Folder));

        // Then
        Assert.StartsWith("Preset 'salesforce': no file for source 'users' in ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(expected a file matching user, user_2*, users, users_*, sf_user_data*).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_without_a_required_column_is_named_in_the_error()
    {
        // Given an account file without an Id column
        using var extract = new TempExtract().With("Account.csv", "AccountName\nAcme\n");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var preset = PresetLoader.Load(PresetLoader.DefaultDirectory, "salesforce");

        // When translated
        var error = Assert.Throws<PresetSourceMissingException>(() => PresetTranslator.Translate(connection, preset, extract.Folder));

        // Then
        Assert.Contains("Account.csv (source 'account') has no column id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_a_preset_file_is_an_error_naming_the_file_and_line()
    {
        // Given a preset with a misspelled key on line 5
        const string yaml = "preset: demo\nsources:\n  thing:\n    files: [thing]\n    colums: {id: text}\nentities:\n  accounts:\n    sql: select 1\n";

        // When parsed
        var error = Assert.Throws<PresetFormatException>(() => PresetLoader.Parse(new StringReader(yaml), "demo.yaml", "demo"));

        // Then
        Assert.StartsWith("demo.yaml(5,", error.Message, StringComparison.Ordinal);
        Assert.Contains("colums", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_that_produces_a_column_outside_the_contract_is_rejected()
    {
        // Given a preset mapping accounts to a misspelled column
        const string yaml = "preset: demo\nsources:\n  thing:\n    files: [thing]\nentities:\n  accounts:\n    sql: select id as acount_id, _file, _line, _file_order from thing\n";
        var preset = PresetLoader.Parse(new StringReader(yaml), "demo.yaml", "demo");
        using var extract = new TempExtract().With("thing.csv", "id\n1\n");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();

        // When translated
        var error = Assert.Throws<PresetMappingException>(() => PresetTranslator.Translate(connection, preset, extract.Folder));

        // Then
        Assert.StartsWith("demo.yaml: entity 'accounts': the mapping produces acount_id, not columns of accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_preset_loads()
    {
        // Given / When / Then
        foreach (var name in PresetLoader.Available(PresetLoader.DefaultDirectory))
        {
            Assert.NotEmpty(PresetLoader.Load(PresetLoader.DefaultDirectory, name).Entities);
        }
        Assert.Equal(["hubspot", "salesforce", "zendesk"], PresetLoader.Available(PresetLoader.DefaultDirectory));
    }
}
