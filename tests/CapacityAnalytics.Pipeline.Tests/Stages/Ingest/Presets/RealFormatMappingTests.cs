using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using CapacityAnalytics.Pipeline.Tests.Support;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

/// <summary>
/// Public exports of other shapes, mapped by the example mapping files in pipelines/mappings and ingested end to
/// end (translated, typed, checked): a ServiceNow incident event log and Recurly subscription history.
/// </summary>
public class RealFormatMappingTests
{
    private static readonly IngestOptions Options = new()
    {
        RejectThreshold = 1,
        Plausible = new PlausibleWindow(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateOnly(2000, 1, 1), TimeSpan.FromDays(1)),
    };

    private static string Mapping(string name) => Path.Combine(RepoPaths.Root, "pipelines", "mappings", name + ".yaml");

    [Fact]
    public void The_servicenow_event_log_previews_as_seven_tickets_without_rejects()
    {
        // Given 59 update rows of 7 incidents (tests/fixtures/realformats/servicenow)
        // When previewed with the example mapping
        var preview = MappingPreview.Run(RepoPaths.RealFormats("servicenow"), Mapping("servicenow-incidents"), Options);

        // Then 59 read, 7 mapped, 7 loaded, none rejected; the CRM entities are still missing
        var source = Assert.Single(preview.Sources);
        Assert.Equal(59, source.Rows);
        var tickets = preview.Entity("tickets")!;
        Assert.Equal(7, tickets.RowsMapped);
        Assert.Equal(7, tickets.RowsLoaded);
        Assert.Equal(0, tickets.RowsRejected);
        Assert.Empty(preview.Problems);
        Assert.Equal(MappingPreview.SampleRows, tickets.FirstRows.Count);
        Assert.Equal("INC0000045", tickets.FirstRows[0]["ticket_id"]);
        Assert.Equal(["csms", "accounts", "activities"], preview.Missing.Where(m => !m.Optional).Select(m => m.Entity));
        Assert.Contains("reopen_count", source.UnusedColumns);
        Assert.DoesNotContain("caller_id", source.UnusedColumns);
        Assert.DoesNotContain("sys_updated_at", source.UnusedColumns);
    }

    [Fact]
    public void A_reopened_servicenow_incident_keeps_its_first_work_resolution_and_reopen()
    {
        // Given INC0000102: opened 29-02-2016 09:06, first Active 03-03-2016 17:29, resolved 14-03 08:13,
        // back to Active 17-03 16:27 (the reopen), resolved 17-03 16:28, closed 24-03 18:59 (line 60);
        // naive times read in the pipeline's zone, Europe/Berlin (UTC+1 in winter)
        using var run = MappedRun.Start(RepoPaths.RealFormats("servicenow"), Mapping("servicenow-incidents"), Options with { Timezone = "Europe/Berlin" });

        // When the typed ticket is read back
        var ticket = run.Row("select ticket_id, account_id, strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M') as created, strftime(timezone('UTC', first_response_at), '%Y-%m-%d %H:%M') as first, strftime(timezone('UTC', solved_at), '%Y-%m-%d %H:%M') as solved, priority, status, channel, escalated, _line from raw_tickets where ticket_id = 'INC0000102'");

        // Then (UTC = Berlin - 1 h)
        Assert.Equal("Caller 307", ticket["account_id"]);
        Assert.Equal("2016-02-29 08:06", ticket["created"]);
        Assert.Equal("2016-03-03 16:29", ticket["first"]);
        Assert.Equal("2016-03-17 15:28", ticket["solved"]);
        Assert.Equal("normal", ticket["priority"]);      // 3 - Moderate
        Assert.Equal("Closed", ticket["status"]);        // the latest update
        Assert.Equal("Phone", ticket["channel"]);
        Assert.Equal("True", ticket["escalated"]);       // one reopen
        Assert.Equal("60", ticket["_line"]);
        // INC0000062's priority went 3 - Moderate -> 2 - High: the latest state wins
        Assert.Equal("high", run.Row("select priority from raw_tickets where ticket_id = 'INC0000062'")["priority"]);
        // INC0000045 never went Active: no first response; not reopened, not critical: not escalated
        var quiet = run.Row("select first_response_at, escalated from raw_tickets where ticket_id = 'INC0000045'");
        Assert.Null(quiet["first_response_at"]);
        Assert.Equal("False", quiet["escalated"]);
    }

    [Fact]
    public void Recurly_subscription_history_previews_as_two_accounts_with_arr_from_the_latest_version()
    {
        // Given 5 subscription versions of 2 accounts (tests/fixtures/realformats/recurly)
        // When previewed with the example mapping
        var preview = MappingPreview.Run(RepoPaths.RealFormats("recurly"), Mapping("recurly-subscriptions"), Options);
        using var run = MappedRun.Start(RepoPaths.RealFormats("recurly"), Mapping("recurly-subscriptions"), Options);

        // Then 5 read, 2 mapped and loaded
        Assert.Equal(5, Assert.Single(preview.Sources).Rows);
        var accounts = preview.Entity("accounts")!;
        Assert.Equal((2, 2, 0), (accounts.RowsMapped, accounts.RowsLoaded, accounts.RowsRejected));
        // 51bc...: its subscription's later version (updated 2022-08-11): subtotal 99 x 12 = 1188, term ends 2022-09-11
        var live = run.Row("select arr, strftime(contract_start, '%Y-%m-%d') as contract_start, strftime(renewal_date, '%Y-%m-%d') as renewal_date, churned_on from raw_accounts where account_id = '51bccf87e2571558b3da93688e17469f'");
        Assert.Equal("1188", live["arr"]);
        Assert.Equal("2015-02-11", live["contract_start"]);
        Assert.Equal("2022-09-11", live["renewal_date"]);
        Assert.Null(live["churned_on"]);
        // 4458...: two subscriptions expired in 2019, the latest-updated one (2022-07-20) is live:
        // subtotal 5596 (2999 + 2597 add-ons) x 12 = 67152
        var other = run.Row("select arr, strftime(contract_start, '%Y-%m-%d') as contract_start, churned_on from raw_accounts where account_id = '4458762633d912919d7ff692cab13b69'");
        Assert.Equal("67152", other["arr"]);
        Assert.Equal("2015-02-13", other["contract_start"]);
        Assert.Null(other["churned_on"]);
    }

    [Fact]
    public void A_mapping_reject_names_the_mapping_line_the_export_cell_and_what_to_change()
    {
        // Given the ServiceNow log read month-first (29-02-2016 cannot be month 29)
        using var extract = new TempExtract();
        File.Copy(Path.Combine(RepoPaths.RealFormats("servicenow"), "incident_event_log.csv"), Path.Combine(extract.Folder, "incident_event_log.csv"));
        var mapping = Path.Combine(extract.Folder, "mdy.yaml");
        File.WriteAllText(mapping, File.ReadAllText(Mapping("servicenow-incidents")).Replace("order: dmy", "order: mdy", StringComparison.Ordinal));

        // When previewed
        var preview = MappingPreview.Run(extract.Folder, mapping, Options);

        // Then every ticket is rejected on created_at, and the problem line leads from the cell to the mapping key
        var tickets = preview.Entity("tickets")!;
        Assert.Equal(7, tickets.RowsRejected);
        var problem = preview.Problems.First(p => p.Column == "created_at");
        Assert.EndsWith("incident_event_log.csv", problem.File, StringComparison.Ordinal);
        // unparsed, the update times order as text: '29-02-2016 11:29' (line 4) sorts after '05-03-2016 12:00' (line 5)
        Assert.Equal(4, problem.Line);
        Assert.Equal("29-02-2016 01:16", problem.Value);
        Assert.Contains($"mapping {mapping}:46 maps tickets.created_at from incident_log.opened_at: give the export column a format", problem.Reason, StringComparison.Ordinal);
    }
}

/// <summary>A pipeline of one mapped folder, ingested (landed and typed) into an in-memory DuckDB.</summary>
internal sealed class MappedRun : IDisposable
{
    private MappedRun(DuckDBConnection connection, SourceSetResult result)
    {
        Connection = connection;
        Result = result;
    }

    public DuckDBConnection Connection { get; }

    public SourceSetResult Result { get; }

    public static MappedRun Start(string folder, string mapping, IngestOptions options, Dictionary<string, string>? parameters = null)
    {
        var config = AdHocPipeline.For(folder, SourceConfig.CanonicalPreset, Path.GetTempPath(), options.Timezone);
        config.Sources[0].Mapping = mapping;
        config.Sources[0].Params = parameters;
        return Start(config, options);
    }

    public static MappedRun Start(PipelineConfig config, IngestOptions options)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var result = SourceSetIngest.Run(connection, config, options, PresetLoader.DefaultDirectory, null, CancellationToken.None, requireMandatory: false);
        return new MappedRun(connection, result);
    }

    public Dictionary<string, string?> Row(string sql) => Assert.Single(LandedTable.Rows(Connection, sql));

    public void Dispose() => Connection.Dispose();
}

public class MappingPipelineTests
{
    [Fact]
    public void A_pipeline_source_names_its_mapping_relative_to_the_pipeline_file()
    {
        // Given a pipeline file beside a mappings folder, its source pointing at the ServiceNow fixture
        using var folder = new TempExtract();
        Directory.CreateDirectory(Path.Combine(folder.Folder, "mappings"));
        File.Copy(Path.Combine(RepoPaths.Root, "pipelines", "mappings", "servicenow-incidents.yaml"), Path.Combine(folder.Folder, "mappings", "sn.yaml"));
        var yaml = $"name: sn\nsources:\n  - path: {RepoPaths.RealFormats("servicenow")}\n    mapping: mappings/sn.yaml\n";

        // When loaded and ingested
        var config = PipelineConfigLoader.Load(new StringReader(yaml), "p.yaml", folder.Folder);
        using var run = MappedRun.Start(config, new IngestOptions { RejectThreshold = 1 });

        // Then the mapping was found and applied: 7 tickets from 59 rows
        Assert.Equal(SourceKind.PresetFolder, config.Sources[0].Kind);
        Assert.Equal(7, run.Result.Result.For("tickets")!.RowsLoaded);
        Assert.Contains(run.Result.Notes, n => n.StartsWith("sn: ", StringComparison.Ordinal) && n.Contains("59 event row(s) -> 7 row(s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    preset: zendesk\n    mapping: m.yaml\n", "key 'sources[0]' has both preset 'zendesk' and mapping 'm.yaml'; keep one.")]
    [InlineData("    mapping: nope.yaml\n", "key 'sources[0].mapping' names ")]
    public void A_bad_mapping_key_in_a_pipeline_is_a_one_line_configuration_error(string lines, string expected)
    {
        // Given / When
        var yaml = "name: p\nsources:\n  - path: ./x\n" + lines;
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Load(new StringReader(yaml), "p.yaml", Path.GetTempPath()));

        // Then
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
