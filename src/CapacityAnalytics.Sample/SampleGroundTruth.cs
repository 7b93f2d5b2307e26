using System.Text.Json;
using System.Text.Json.Serialization;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample;

/// <summary>An account-month, the time equation's grain; <see cref="Month"/> is "YYYY-MM".</summary>
public sealed record AccountMonth(string AccountId, string Month);

/// <summary>A planted overload episode and where it shows.</summary>
/// <param name="CsmId">The overloaded CSM.</param>
/// <param name="Kind">What was planted: <c>book_growth_overload</c> (an onset the decline family should catch) or
/// <c>always_overloaded</c> (overloaded from the first week, no history to fall from: for the overload family).</param>
/// <param name="Onset">The Monday the book grew and proactive work collapsed.</param>
/// <param name="End">Last day of the episode (inclusive); the extract's end date when it lasts until then.</param>
/// <param name="UntilEndOfExtract">The episode had not ended by the end of the extract.</param>
/// <param name="BookBefore">Live accounts in the CSM's book on the day before onset.</param>
/// <param name="AddedAccountIds">Accounts reassigned to the CSM at onset (given back the day after <paramref name="End"/> unless it lasts until the end).</param>
/// <param name="AffectedAccountIds">Every account in the CSM's book during the episode.</param>
/// <param name="AffectedAccountMonths">Account-months whose hours deviate from the time equation because of the episode.</param>
public sealed record PlantedEpisode(
    string CsmId,
    string Kind,
    DateOnly Onset,
    DateOnly End,
    bool UntilEndOfExtract,
    int BookBefore,
    IReadOnlyList<string> AddedAccountIds,
    IReadOnlyList<string> AffectedAccountIds,
    IReadOnlyList<AccountMonth> AffectedAccountMonths);

/// <summary>A CSM whose only planted change is a week of time off: no alert should fire for them.</summary>
public sealed record ControlCsm(string CsmId, string Kind, DateOnly TimeOffStart, DateOnly TimeOffEnd);

/// <summary>A whole book handed from a leaving CSM to their replacement (not an overload).</summary>
public sealed record BookTransfer(string FromCsmId, string ToCsmId, DateOnly Date, int Accounts);

/// <summary>
/// What a sample company was generated from and what was planted in it (ground_truth.json), so calibration and
/// alert tests can check that they recover it.
/// </summary>
public sealed record SampleGroundTruth(
    int Seed,
    SampleOptions Options,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    SampleTimeEquation Parameters,
    int EscalatedTicketMinutes,
    int OnboardingWindowDays,
    IReadOnlyList<PlantedEpisode> Episodes,
    IReadOnlyList<ControlCsm> Controls,
    IReadOnlyList<BookTransfer> BookTransfers,
    IReadOnlyDictionary<string, long> Counts)
{
    public static string FileName => InputContract.ProductFiles[0];

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NewLine = "\n",
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Reads a ground_truth.json written by the sample generator.</summary>
    public static SampleGroundTruth Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SampleGroundTruth>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty ground truth.");
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, JsonOptions);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Every account-month that deviates from the time equation because of a planted episode.</summary>
    public HashSet<AccountMonth> AffectedAccountMonths() => [.. Episodes.SelectMany(e => e.AffectedAccountMonths)];
}
