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

    /// <summary>
    /// Full run 4 + 3 + 2 + 1 = 10 s; incremental 1 + 1.5 + 2 + 0.5 = 5 s. Ratios: ingest 1 / 4 = 0.25, transform
    /// 1.5 / 3 = 0.50, calibrate 2 / 2 = 1.00, publish 0.5 / 1 = 0.50, total 5 / 10 = 0.50.
    /// </summary>
    private static readonly ProfileResult Incremental = BenchFixtures.WithIncremental(S, [1, 1.5, 2, 0.5], 371, "appended 3 new files, the loaded ones unchanged: a, b, c");

    [Fact]
    public void The_incremental_run_gets_its_own_table_against_the_full_run()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [Incremental], 0));

        Assert.Contains(
            """
            ### Incremental: one new day

            New day 2026-11-01 (the rows of 2026-10-25 moved 7 days on): 3 files, 0.0 MB, 371 rows (364 usage events, 0 activities, 7 tickets), written in 0.25 s.
            Ingest appended the new files to the loaded ones.
            Incremental 5.00 s against the full run's 10.00 s in the same stages: incremental / full 0.500; peak RSS 203 MB, peak managed 23 MB.

            | stage | full seconds | incremental seconds | incremental / full | rows | peak RSS MB | peak managed MB |
            |---|---:|---:|---:|---:|---:|---:|
            | ingest | 4.00 | 1.00 | 0.25 | 371 | 200 | 20 |
            | transform | 3.00 | 1.50 | 0.50 | 1,000 | 201 | 21 |
            | calibrate | 2.00 | 2.00 | 1.00 | 1,000 | 202 | 22 |
            | publish | 1.00 | 0.50 | 0.50 | 1,000 | 203 | 23 |
            | pipeline total | 10.00 | 5.00 | 0.50 | 371 | 203 | 23 |

            """.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_line_carries_the_incremental_ratio_and_the_other_tables_stay_as_they_were()
    {
        var with = BenchMarkdown.Render(new BenchReport(Machine, [Incremental], 0));
        var without = BenchMarkdown.Render(new BenchReport(Machine, [S], 0));

        Assert.Contains("total / floor 5.00, ingest / floor 2.00; peak RSS 103 MB, peak managed 13 MB; one new day incrementally 5.00 s, incremental / full 0.500.\n", with, StringComparison.Ordinal);
        Assert.Contains("total / floor 5.00, ingest / floor 2.00; peak RSS 103 MB, peak managed 13 MB.\n", without, StringComparison.Ordinal);
        Assert.DoesNotContain("### Incremental", without, StringComparison.Ordinal);
        // Everything before the incremental section is the report without it, apart from the summary line.
        var profile = with.IndexOf("## Profile S", StringComparison.Ordinal);
        Assert.Equal(
            without[profile..].Replace("peak managed 13 MB.", "peak managed 13 MB; one new day incrementally 5.00 s, incremental / full 0.500.", StringComparison.Ordinal),
            with[profile..with.IndexOf("\n### Incremental", StringComparison.Ordinal)]);
    }

    [Fact]
    public void The_report_says_when_ingest_reloaded_everything()
    {
        var full = BenchFixtures.WithIncremental(S, [5, 3, 2, 1], 1_000_371, "usage_events 750,364 loaded");

        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [full], 0));

        Assert.Contains("Ingest did not append: it reloaded every file (a full ingest).\n", markdown, StringComparison.Ordinal);
        // 5 + 3 + 2 + 1 = 11 s against 10 s: 1.10
        Assert.Contains("| pipeline total | 10.00 | 11.00 | 1.10 | 1,000,371 | 203 | 23 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_explains_the_incremental_profile()
    {
        var markdown = BenchMarkdown.Render(new BenchReport(Machine, [S], 0));

        Assert.Contains("Incremental: the pipeline reads the run's own extract folder", markdown, StringComparison.Ordinal);
        Assert.Contains("the rows of the same weekday a week earlier, every timestamp moved 7 days on", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_in_cells_are_escaped()
    {
        var text = new System.Text.StringBuilder();

        BenchMarkdown.Table(text, new ReportTable("t", ["a|b", "c"], [["x|y", "1"]]));

        Assert.Equal("| a\\|b | c |\n|---|---:|\n| x\\|y | 1 |\n", text.ToString());
    }
}
