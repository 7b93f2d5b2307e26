using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample;

/// <summary>
/// Writes a sample company in the canonical input contract (one CSV per entity) and its ground truth
/// (ground_truth.json). Deterministic per options; streams every fact file, account by account.
/// </summary>
public static class SampleCompanyGenerator
{
    public static SampleResult Write(SampleOptions options, string outputDirectory, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        progress?.Report("Planning the company");
        var plan = CompanyPlan.Build(options);
        Directory.CreateDirectory(outputDirectory);
        var rawEvents = options.UsageEventsPerAccountDay > 0;
        var staleEvents = Path.Combine(outputDirectory, InputContract.UsageEvents.Name + ".csv");
        if (!rawEvents && File.Exists(staleEvents))
        {
            File.Delete(staleEvents);
        }

        var writers = InputContract.Entities
            .Where(e => rawEvents || e != InputContract.UsageEvents)
            .ToDictionary(e => e, e => new CsvRowWriter(e, Path.Combine(outputDirectory, e.Name + ".csv")));
        try
        {
            WriteRoster(plan, writers);
            WriteAccounts(plan, writers, rawEvents, progress);
            WriteInternalWork(plan, writers[InputContract.Activities]);
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entity, writer) in writers)
        {
            rows[entity.Name] = writer.Rows;
            paths[entity.Name] = writer.Path;
        }
        var truth = GroundTruthBuilder.Build(plan, rows);
        var truthPath = Path.Combine(outputDirectory, SampleGroundTruth.FileName);
        truth.Save(truthPath);
        progress?.Report($"Wrote {rows.Values.Sum():N0} rows to {outputDirectory}");
        return new SampleResult(outputDirectory, rows, paths, truthPath, truth);
    }

    private static void WriteRoster(CompanyPlan plan, Dictionary<EntitySpec, CsvRowWriter> writers)
    {
        foreach (var csm in plan.Csms)
        {
            EntityRows.Csm(writers[InputContract.Csms], csm);
            EntityRows.TimeOff(writers[InputContract.TimeOff], csm);
        }
    }

    private static void WriteAccounts(
        CompanyPlan plan, Dictionary<EntitySpec, CsvRowWriter> writers, bool rawEvents, IProgress<string>? progress)
    {
        var seed = plan.Options.Seed;
        var extractEnd = SampleCalendar.At(plan.End, 86_399);
        var work = new AccountWork();
        var trace = new UsageTrace();
        var workGenerator = new AccountWorkGenerator(plan);
        var usage = new UsageGenerator(plan);
        var health = new HealthGenerator(plan);
        var activities = writers[InputContract.Activities];
        var tickets = writers[InputContract.Tickets];
        var events = rawEvents ? writers[InputContract.UsageEvents] : null;
        long activityId = 0;
        long ticketId = 0;
        long opportunityId = 0;
        var step = Math.Max(1, plan.Accounts.Count / 10);
        foreach (var account in plan.Accounts)
        {
            workGenerator.Generate(account, SampleRandom.For(seed, CompanyPlan.Streams.Work, account.Index), work);
            foreach (var activity in work.Activities)
            {
                EntityRows.Activity(activities, activity, account.Id, plan, ++activityId);
            }
            foreach (var ticket in work.Tickets)
            {
                EntityRows.Ticket(tickets, ticket, account.Id, extractEnd, ++ticketId);
            }
            usage.Write(account, SampleRandom.For(seed, CompanyPlan.Streams.Usage, account.Index),
                writers[InputContract.UsageDaily], events, trace);
            health.Write(account, SampleRandom.For(seed, CompanyPlan.Streams.Health, account.Index), work, trace,
                writers[InputContract.HealthScores]);
            EntityRows.Account(writers[InputContract.Accounts], account, plan);
            EntityRows.History(writers[InputContract.AccountHistory], account, plan);
            EntityRows.Opportunities(writers[InputContract.Opportunities], account, ref opportunityId);
            if ((account.Index + 1) % step == 0)
            {
                progress?.Report($"Accounts: {account.Index + 1:N0} of {plan.Accounts.Count:N0}");
            }
        }
    }

    private static void WriteInternalWork(CompanyPlan plan, CsvRowWriter activities)
    {
        var generator = new InternalWorkGenerator(plan);
        var items = new List<ActivityDraw>();
        var id = activities.Rows;
        foreach (var csm in plan.Csms)
        {
            generator.Generate(csm, SampleRandom.For(plan.Options.Seed, CompanyPlan.Streams.Internal, csm.Index), items);
            foreach (var item in items)
            {
                EntityRows.Activity(activities, item, null, plan, ++id);
            }
        }
    }
}
