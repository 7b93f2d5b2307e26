namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Accounts per CSM as a range: the fewest when available hours are lowest and accounts heaviest, the most when
/// available hours are highest and accounts lightest (docs/capacity-model.md: 96-120 h and 6-12 h per account give 8-20).
/// </summary>
public sealed record BookRange(double Low, double High)
{
    public static BookRange From(double availableLow, double availableHigh, double hoursPerAccountLow, double hoursPerAccountHigh)
    {
        if (availableLow > availableHigh) throw new ArgumentException("availableLow must not exceed availableHigh.", nameof(availableLow));
        if (hoursPerAccountLow > hoursPerAccountHigh) throw new ArgumentException("hoursPerAccountLow must not exceed hoursPerAccountHigh.", nameof(hoursPerAccountLow));
        if (hoursPerAccountLow <= 0) throw new ArgumentOutOfRangeException(nameof(hoursPerAccountLow), "Hours per account must be positive.");
        return new BookRange(availableLow / hoursPerAccountHigh, availableHigh / hoursPerAccountLow);
    }

    /// <summary>ARR per CSM at this range for an average ARR per account.</summary>
    public BookRange TimesArr(double averageArr) => new(Low * averageArr, High * averageArr);
}
