using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench.Tests;

public sealed class BenchMarkdownTests
{
    private static readonly MachineFacts Machine = new(2, ".NET 10.0.0", "Linux", "v1.5.6", "Release", 8L << 30);

    private static readonly ProfileResult S = BenchFixtures.Result(BenchProfile.Small, 10 * BenchFixtures.Mb, 1_000_000, [4, 3, 2, 1], 2);

    private static readonly ProfileResult M = BenchFixtures.Result(BenchProfile.Medium, 100 * BenchFixtures.Mb, 10_000_000, [40, 30, 20, 10], 10, reused: true);

    [Fact]
    public void Stage_table_has_generation_floor_each_stage_and_the_total()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [S], 0));

        Assert.Contains(
            """
            | stage | seconds | rows | rows/s | ratio to floor | peak RSS MB | peak managed MB |
            |---|---:|---:|---:|---:|---:|---:|
            | generate sample | 2.00 | 1,000,000 | 500,000 |  | 50 | 40 |
            | floor: read_csv | 2.00 | 1,000,000 | 500,000 | 1.00 | 90 | 1 |
            | ingest | 4.00 | 1,000,000 | 250,000 | 2.00 | 100 | 10 |
            | transform | 3.00 | 1,000 | 333 | 1.50 | 101 | 11 |
            | calibrate | 2.00 | 1,000 | 500 | 1.00 | 102 | 12 |
            | publish | 1.00 | 1,000 | 1,000 | 0.50 | 103 | 13 |
            | pipeline total | 10.00 | 1,000,000 | 100,000 | 5.00 | 103 | 13 |

            """.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_table_lists_each_file_with_its_floor_time()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [S], 0));

        Assert.Contains(
            """
            | file | MB | rows | floor seconds |
            |---|---:|---:|---:|
            | accounts.csv | 2.5 | 250,000 | 0.50 |
            | usage_events.csv | 7.5 | 750,000 | 1.50 |
            | total | 10.0 | 1,000,000 | 2.00 |

            """.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
        Assert.Contains("Input: 2 files, 10 MB, 1,000,000 rows (750,000 usage events, 0 activities, 0 tickets).", markdown, StringComparison.Ordinal);
        Assert.Contains("total / floor 5.00, ingest / floor 2.00; peak RSS 103 MB, peak managed 13 MB.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_states_the_machine_and_no_clock()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [S], 512 * BenchFixtures.Mb));

        Assert.StartsWith("# capacity bench\n\nMachine: 2 cores, 8.0 GB memory available to .NET, Linux.\nRuntime: .NET 10.0.0, Release build; DuckDB v1.5.6", markdown, StringComparison.Ordinal);
        Assert.Contains("high-water mark (VmHWM) over the whole run: 512 MB.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_profiles_add_the_scaling_table_and_say_when_data_was_reused()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [S, M], 0));

        Assert.Contains("| generate sample (reused; earlier time) | 2.00 | 10,000,000 | 5,000,000 |  |  |  |", markdown, StringComparison.Ordinal);
        Assert.Contains(
            """
            | step | input rows x | input MB x | pipeline time x | floor time x | exponent (time ~ rows^k) |
            |---|---:|---:|---:|---:|---:|
            | S -> M | 10.00 | 10.00 | 10.00 | 5.00 | 1.00 |
            """.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_profile_has_no_scaling_section()
    {
        Assert.DoesNotContain("## Scaling", BenchMarkdown.Render(new BenchReport(Machine, [S], 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_in_cells_are_escaped()
    {
        var text = new System.Text.StringBuilder();

        BenchMarkdown.Table(text, new ReportTable("t", ["a|b", "c"], [["x|y", "1"]]));

        Assert.Equal("| a\\|b | c |\n|---|---:|\n| x\\|y | 1 |\n", text.ToString());
    }
}
