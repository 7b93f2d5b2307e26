using CapacityAnalytics.Pipeline.Stages.Ingest;
using CsvHelper;

namespace CapacityAnalytics.Bench.Tests;

public sealed class NewDayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bench-newday-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string ActivitiesHeader = "activity_id,account_id,csm_id,type,occurred_at,duration_minutes,direction,subject";
    private const string TicketsHeader = "ticket_id,account_id,created_at,first_response_at,solved_at,priority,status,channel,escalated,csm_minutes";
    private const string EventsHeader = "account_id,user_id,occurred_at,event";

    /// <summary>
    /// The latest day is Monday 2026-10-26 (a usage event; the latest activity is Sunday the 25th), so the new day is
    /// Tuesday 2026-10-27 and its rows are those of Tuesday 2026-10-20, moved 27 - 20 = 7 days on.
    /// </summary>
    private void WriteCompany()
    {
        Write("activities.csv",
            ActivitiesHeader,
            "ACT-1,ACC-1,CSM-1,email,2026-10-20T09:00:00Z,15,outbound,\"Re: \"\"export\"\" issue, next steps\"",
            "ACT-2,ACC-1,CSM-1,call,2026-10-20T23:59:59Z,30,outbound,Plain",
            "ACT-3,ACC-2,CSM-1,email,2026-10-21T10:00:00Z,5,inbound,Another day",
            "ACT-4,,CSM-1,admin,2026-10-25T08:00:00Z,15,,Weekend");
        Write("tickets.csv",
            TicketsHeader,
            // answered and solved within the day: kept as it is, moved a week
            "TKT-1,ACC-1,2026-10-20T08:00:00Z,2026-10-20T09:30:00Z,2026-10-20T17:00:00Z,normal,solved,email,false,",
            // solved on the 23rd, which becomes the 30th, after the new day: blanked, answered so open
            "TKT-2,ACC-2,2026-10-20T22:00:00Z,2026-10-20T23:00:00Z,2026-10-23T12:00:00Z,high,closed,chat,true,12",
            // an offset kept as written; answered on the 22nd, which becomes the 29th: blanked, not answered so new
            "TKT-3,ACC-2,2026-10-20T23:30:00+02:00,2026-10-22T08:00:00+02:00,,low,open,web,false,",
            "TKT-4,ACC-1,2026-10-19T10:00:00Z,,,low,new,web,false,");
        Write("usage_events.csv",
            EventsHeader,
            "ACC-1,U1,2026-10-20T00:00:00Z,login",
            "ACC-1,U1,2026-10-20T12:34:56.789Z,page_view",
            "ACC-2,U2,2026-10-19T23:59:59Z,login",
            "ACC-2,U2,2026-10-26T10:00:00Z,login");
        Write("accounts.csv", "account_id,arr", "ACC-1,1000", "ACC-2,2000");
    }

    private void Write(string name, params string[] lines) => File.WriteAllText(Path.Combine(_dir, name), string.Join('\n', lines) + "\n");

    private string Read(string name) => File.ReadAllText(Path.Combine(_dir, name));

    [Fact]
    public void The_new_day_follows_the_latest_day_and_copies_the_same_weekday_a_week_earlier()
    {
        WriteCompany();

        var result = NewDay.Write(_dir);

        Assert.Equal(new DateOnly(2026, 10, 27), result.Day);
        Assert.Equal(new DateOnly(2026, 10, 20), result.SourceDay);
        Assert.Equal(["activities_2026-10-27.csv", "tickets_2026-10-27.csv", "usage_events_2026-10-27.csv"], result.Files.Select(f => f.Name));
        Assert.Equal([2L, 3L, 2L], result.Files.Select(f => f.Rows));
        Assert.Equal(7, result.Rows);
        Assert.Equal(3, result.RowsOf("tickets"));
        Assert.All(result.Files, f => Assert.Equal(new FileInfo(Path.Combine(_dir, f.Name)).Length, f.Bytes));
    }

    /// <summary>
    /// The latest day is Saturday 2026-10-24 (usage events); activities were logged on Monday the 19th and Friday the
    /// 23rd only. Sunday the 25th would copy Sunday the 18th, which has none: the new day is Monday the 26th, from the 19th.
    /// </summary>
    [Fact]
    public void The_new_day_is_the_first_one_whose_weekday_a_week_earlier_has_activities()
    {
        Write("activities.csv",
            ActivitiesHeader,
            "ACT-1,ACC-1,CSM-1,email,2026-10-19T09:00:00Z,15,outbound,Monday",
            "ACT-2,ACC-1,CSM-1,call,2026-10-23T10:00:00Z,30,outbound,Friday");
        Write("usage_events.csv",
            EventsHeader,
            "ACC-1,U1,2026-10-18T10:00:00Z,login",
            "ACC-1,U1,2026-10-19T10:00:00Z,login",
            "ACC-1,U1,2026-10-24T10:00:00Z,login");

        var result = NewDay.Write(_dir);

        Assert.Equal(new DateOnly(2026, 10, 26), result.Day);
        Assert.Equal(new DateOnly(2026, 10, 19), result.SourceDay);
        Assert.Equal([1L, 1L], result.Files.Select(f => f.Rows));
        Assert.Contains("ACT-1-D1,ACC-1,CSM-1,email,2026-10-26T09:00:00Z", Read("activities_2026-10-26.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Activities_are_moved_a_week_with_fresh_ids_and_a_quoted_subject_survives()
    {
        WriteCompany();

        NewDay.Write(_dir);

        Assert.Equal(
            ActivitiesHeader + "\n"
            + "ACT-1-D1,ACC-1,CSM-1,email,2026-10-27T09:00:00Z,15,outbound,\"Re: \"\"export\"\" issue, next steps\"\n"
            + "ACT-2-D1,ACC-1,CSM-1,call,2026-10-27T23:59:59Z,30,outbound,Plain\n",
            Read("activities_2026-10-27.csv"));
        using var reader = CsvReader.FromFile(Path.Combine(_dir, "activities_2026-10-27.csv"), new CsvReaderOptions { Separator = ',', HasHeader = true });
        Assert.True(reader.Read());
        Assert.Equal("Re: \"export\" issue, next steps", reader.GetString("subject"));
    }

    [Fact]
    public void Tickets_keep_what_happened_within_the_new_day_and_blank_what_would_come_after_it()
    {
        WriteCompany();

        NewDay.Write(_dir);

        Assert.Equal(
            TicketsHeader + "\n"
            + "TKT-1-D1,ACC-1,2026-10-27T08:00:00Z,2026-10-27T09:30:00Z,2026-10-27T17:00:00Z,normal,solved,email,false,\n"
            + "TKT-2-D1,ACC-2,2026-10-27T22:00:00Z,2026-10-27T23:00:00Z,,high,open,chat,true,12\n"
            + "TKT-3-D1,ACC-2,2026-10-27T23:30:00+02:00,,,low,new,web,false,\n",
            Read("tickets_2026-10-27.csv"));
    }

    [Fact]
    public void Usage_events_are_moved_as_they_are_without_ids()
    {
        WriteCompany();

        NewDay.Write(_dir);

        Assert.Equal(
            EventsHeader + "\n"
            + "ACC-1,U1,2026-10-27T00:00:00Z,login\n"
            + "ACC-1,U1,2026-10-27T12:34:56.789Z,page_view\n",
            Read("usage_events_2026-10-27.csv"));
    }

    [Fact]
    public void The_files_it_read_are_left_as_they_were()
    {
        WriteCompany();
        var before = Directory.GetFiles(_dir).ToDictionary(p => Path.GetFileName(p), File.ReadAllText);

        NewDay.Write(_dir);

        Assert.All(before, f => Assert.Equal(f.Value, Read(f.Key)));
        Assert.Equal(before.Count + 3, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void A_missing_entity_gets_no_file()
    {
        WriteCompany();
        File.Delete(Path.Combine(_dir, "tickets.csv"));

        var result = NewDay.Write(_dir);

        Assert.Equal(["activities", "usage_events"], result.Files.Select(f => f.Entity));
        Assert.False(File.Exists(Path.Combine(_dir, "tickets_2026-10-27.csv")));
    }

    [Fact]
    public void A_bad_timestamp_names_the_file_line_and_column()
    {
        WriteCompany();
        Write("usage_events.csv", EventsHeader, "ACC-1,U1,2026-10-20T00:00:00Z,login", "ACC-1,U1,yesterday,login");

        var ex = Assert.Throws<IngestException>(() => NewDay.Write(_dir));

        Assert.Equal($"{Path.Combine(_dir, "usage_events.csv")}: line 3, column occurred_at: 'yesterday' is not an ISO-8601 timestamp (YYYY-MM-DDThh:mm:ssZ); fix the value or re-export the file.", ex.Message);
    }

    [Fact]
    public void A_day_written_already_is_not_overwritten()
    {
        WriteCompany();
        Write("activities_2026-10-27.csv", ActivitiesHeader);

        var ex = Assert.Throws<IngestException>(() => NewDay.Write(_dir));

        Assert.Equal($"{Path.Combine(_dir, "activities_2026-10-27.csv")}: already exists; the new day is written into a folder once (remove the file or use a fresh folder).", ex.Message);
        Assert.Equal(ActivitiesHeader + "\n", Read("activities_2026-10-27.csv"));
    }

    [Theory]
    [InlineData("2026-10-20T09:00:00Z", 7, "2026-10-27T09:00:00Z")]
    [InlineData("2026-12-28T23:59:59+01:00", 7, "2027-01-04T23:59:59+01:00")] // 28 + 7 = 35 = 31 + 4: into January
    [InlineData("2024-02-26 08:00:00", 7, "2024-03-04 08:00:00")] // 2024 is a leap year: 26 + 7 = 33 = 29 + 4
    public void Shift_moves_the_date_and_keeps_the_rest_of_the_text(string timestamp, int days, string expected)
    {
        Assert.Equal(expected, NewDay.Shift(timestamp, days));
    }
}
