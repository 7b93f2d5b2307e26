namespace CapacityAnalytics.Sample.Tests;

/// <summary>Who owned which live account on a day, read from accounts.csv and account_history.csv.</summary>
public sealed class BookHistory
{
    private readonly Dictionary<string, (DateOnly Start, DateOnly? Churned)> _accounts = [];
    private readonly Dictionary<string, List<(DateOnly From, string Csm)>> _owners = [];

    public BookHistory(SampleCsv accounts, SampleCsv history)
    {
        foreach (var row in accounts.Rows)
        {
            var churned = row[accounts.Column("churned_on")];
            _accounts[row[0]] = (SampleCsv.Date(row[accounts.Column("contract_start")]), churned.Length > 0 ? SampleCsv.Date(churned) : null);
        }
        foreach (var row in history.Rows)
        {
            if (!_owners.TryGetValue(row[0], out var list))
            {
                _owners[row[0]] = list = [];
            }
            list.Add((SampleCsv.Date(row[1]), row[2]));
        }
    }

    /// <summary>Live accounts owned by the CSM on the day.</summary>
    public int Size(string csm, DateOnly day) => _owners.Count(o =>
        _accounts[o.Key] is var a && a.Start <= day && (a.Churned is null || day < a.Churned)
        && o.Value.LastOrDefault(x => x.From <= day).Csm == csm);

    /// <summary>History rows from the day on that move an account to or from the CSM.</summary>
    public int Reassignments(string csm, DateOnly from) => _owners.Values.Sum(list =>
        list.Zip(list.Skip(1)).Count(p => p.Second.From >= from && p.First.Csm != p.Second.Csm && (p.First.Csm == csm || p.Second.Csm == csm)));
}
