namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Unit deviance of the Tweedie family with power p in [1, 2): p = 1 is Poisson, 2 (y log(y / mu) - (y - mu));
/// otherwise 2 (y^(2-p) / ((1-p)(2-p)) - y mu^(1-p) / (1-p) + mu^(2-p) / (2-p)). Zero at y = mu, defined at y = 0.
/// </summary>
public static class TweedieDeviance
{
    public static void Validate(double power)
    {
        if (power is < 1 or >= 2) throw new ArgumentOutOfRangeException(nameof(power), "Tweedie power must be in [1, 2).");
    }

    public static double Unit(double y, double mu, double power)
    {
        if (power == 1) return 2 * ((y > 0 ? y * Math.Log(y / mu) : 0) - (y - mu));
        if (power == 1.5)
        {
            var rootMu = Math.Sqrt(mu);
            return 2 * ((-4 * Math.Sqrt(y)) + (2 * y / rootMu) + (2 * rootMu));
        }
        var a = 1 - power;
        var b = 2 - power;
        return 2 * ((Math.Pow(y, b) / (a * b)) - (y * Math.Pow(mu, a) / a) + (Math.Pow(mu, b) / b));
    }

    /// <summary>
    /// The part of the unit deviance that depends on y alone (before the factor 2): y log y for p = 1, -4 sqrt(y) for
    /// p = 1.5, y^(2-p) / ((1-p)(2-p)) otherwise; 0 at y = 0.
    /// </summary>
    public static double YTerm(double y, double power)
    {
        if (power == 1) return y > 0 ? y * Math.Log(y) : 0;
        if (power == 1.5) return -4 * Math.Sqrt(y);
        var b = 2 - power;
        return Math.Pow(y, b) / ((1 - power) * b);
    }

    /// <summary>
    /// The deviance of rows that share mu, from their sums of prior weight w, of w y and of w <see cref="YTerm"/>: equal
    /// to the sum of their weighted <see cref="Unit"/> deviances (up to rounding).
    /// </summary>
    public static double Summed(double weight, double weightedY, double weightedYTerm, double mu, double power)
    {
        if (power == 1) return 2 * (weightedYTerm - (weightedY * Math.Log(mu)) - weightedY + (weight * mu));
        if (power == 1.5)
        {
            var rootMu = Math.Sqrt(mu);
            return 2 * (weightedYTerm + (2 * weightedY / rootMu) + (2 * weight * rootMu));
        }
        var a = 1 - power;
        var b = 2 - power;
        return 2 * (weightedYTerm - (weightedY * Math.Pow(mu, a) / a) + (weight * Math.Pow(mu, b) / b));
    }

    /// <summary>mu^(2-p): the IRLS working weight of a log-link Tweedie GLM (mu^2 / variance).</summary>
    public static double WorkingWeight(double mu, double power) =>
        power == 1 ? mu : power == 1.5 ? Math.Sqrt(mu) : Math.Pow(mu, 2 - power);
}
