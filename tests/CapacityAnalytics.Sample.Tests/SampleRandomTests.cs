namespace CapacityAnalytics.Sample.Tests;

public sealed class SampleRandomTests
{
    [Theory]
    [InlineData(0.7, 2.0)]
    [InlineData(3.0, 1.0)]
    public void Gamma_draws_average_to_the_asked_mean(double shape, double mean)
    {
        // Given a seeded generator
        var random = SampleRandom.For(1, 99);

        // When many gamma draws are averaged
        var average = Enumerable.Range(0, 40_000).Average(_ => random.Gamma(shape, mean));

        // Then the average is the asked mean (standard error here is under 1%)
        Assert.InRange(average, mean * 0.97, mean * 1.03);
    }

    [Fact]
    public void Poisson_draws_average_to_the_asked_mean_also_above_the_chunk_size()
    {
        // Given a seeded generator
        var random = SampleRandom.For(1, 98);

        // When many Poisson draws of mean 45 are averaged
        var average = Enumerable.Range(0, 20_000).Average(_ => random.Poisson(45));

        // Then the average is 45
        Assert.InRange(average, 44.7, 45.3);
    }
}
