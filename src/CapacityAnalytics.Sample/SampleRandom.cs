namespace CapacityAnalytics.Sample;

/// <summary>
/// A small, fast, seedable PRNG (xoshiro256**, seeded through SplitMix64). Its output depends only on the seed, never
/// on the runtime version, so a sample company is byte-identical across machines. It derives from
/// <see cref="Random"/> so the MathNet.Numerics samplers can draw from it.
/// </summary>
public sealed class SampleRandom : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for one concern (e.g. "activities") of one item (e.g. account 17).</summary>
    public static SampleRandom For(int seed, ulong stream, long index = 0)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xBF58476D1CE4E5B9UL ^ (ulong)index * 0x94D049BB133111EBUL);
        return new SampleRandom(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    public override double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextULong() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)((NextULong() >> 32) * (ulong)maxValue >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)((NextULong() >> 32) * (ulong)(uint)(maxValue - minValue) >> 32);
    }

    public override long NextInt64() => (long)(NextULong() >> 1);

    public override long NextInt64(long maxValue) => NextInt64(0, maxValue);

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range == 0 ? minValue : minValue + (long)(NextULong() % range);
    }

    public override float NextSingle() => (NextULong() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextULong() >> 56);
        }
    }

    public bool Chance(double probability) => NextDouble() < probability;

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A Poisson count (Knuth's method, in chunks so large means stay exact and cheap enough).</summary>
    public int Poisson(double mean)
    {
        var count = 0;
        while (mean > 0)
        {
            var chunk = Math.Min(mean, 20.0);
            mean -= chunk;
            var limit = Math.Exp(-chunk);
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }
        }
        return count;
    }

    /// <summary>A count of about the given mean: Poisson below 30, a rounded normal above (cheap for usage volumes).</summary>
    public int Count(double mean)
    {
        if (mean < 30)
        {
            return Poisson(mean);
        }
        return (int)Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * Normal()));
    }

    /// <summary>A gamma draw with the given shape and mean (Marsaglia-Tsang).</summary>
    public double Gamma(double shape, double mean)
    {
        if (shape < 1)
        {
            // Gamma(k) = Gamma(k + 1) x U^(1/k), at the same scale (mean / shape).
            return Gamma(shape + 1, mean * (shape + 1) / shape) * Math.Pow(NextDouble(), 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v * mean / shape;
            }
        }
    }

    /// <summary>A standard normal draw (Box-Muller, one of the pair).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
