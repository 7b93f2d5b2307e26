using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Connections;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.SqlServer;
using CapacityAnalytics.Pipeline.Tests.Support;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

public sealed class SqlServerConnectionStringTests : IDisposable
{
    private const string Password = "S3cret-Pa55word!";
    // Nothing listens on port 1: the connection fails fast, as a wrong host or firewall would.
    private const string Unreachable = "Server=tcp:127.0.0.1,1;Database=capacity;User ID=capacity;Password=" + Password + ";Connect Timeout=2;Encrypt=False";

    private readonly string _variable = "CAPACITY_TEST_CS_" + Guid.NewGuid().ToString("N");

    [Fact]
    public void A_missing_variable_is_a_one_line_error_naming_it_and_what_to_set()
    {
        var ex = Assert.Throws<ConfigurationException>(() => SqlServerConnectionString.FromEnvironment(_variable, "publish.sqlserver.connection_env"));

        Assert.StartsWith($"Environment variable {_variable} is not set; set it to the SQL Server connection string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_malformed_string_is_reported_without_its_text()
    {
        Environment.SetEnvironmentVariable(_variable, "Server=x;Passwrd=" + Password);

        var ex = Assert.Throws<ConfigurationException>(() => SqlServerConnectionString.FromEnvironment(_variable, "k"));

        Assert.Contains(_variable, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_removes_the_password_and_the_whole_string_from_a_message()
    {
        Environment.SetEnvironmentVariable(_variable, Unreachable);
        var connection = SqlServerConnectionString.FromEnvironment(_variable, "k");

        var scrubbed = connection.Scrub($"login failed with {Password}; was {Unreachable}");

        Assert.Equal("login failed with ***; was ***", scrubbed);
        Assert.DoesNotContain(Password, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_publish_names_the_variable_but_never_shows_the_password()
    {
        // Given a warehouse with one table and a server that cannot be reached
        Environment.SetEnvironmentVariable(_variable, Unreachable);
        using var warehouse = new DuckDBConnection("DataSource=:memory:");
        warehouse.Open();
        using (var command = warehouse.CreateCommand())
        {
            command.CommandText = "create table dim_segment as select 'smb' as segment";
            command.ExecuteNonQuery();
        }
        var publisher = new SqlServerPublisher(new SqlServerTarget { ConnectionEnv = _variable });

        // When it publishes
        var ex = Assert.ThrowsAny<CapacityException>(() => publisher.Publish(Context(warehouse), [new PublishedTable("dim_segment")], CancellationToken.None));

        // Then the failure names the variable, and neither it nor its inner exceptions carry the password
        Assert.Contains(_variable, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1,1;", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_publish_without_the_variable_fails_before_touching_any_server()
    {
        using var warehouse = new DuckDBConnection("DataSource=:memory:");
        warehouse.Open();
        var publisher = new SqlServerPublisher(new SqlServerTarget { ConnectionEnv = _variable });

        var ex = Assert.Throws<ConfigurationException>(() => publisher.Publish(Context(warehouse), [], CancellationToken.None));

        Assert.Contains(_variable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dialect_is_a_configuration_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new SqlServerPublisher(new SqlServerTarget { Dialect = "oracle" }));
        Assert.Contains("sqlserver", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fabric", ex.Message, StringComparison.Ordinal);
    }

    private static RunContext Context(DuckDBConnection warehouse) => TestRunContext.For(warehouse, "run1");

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);
}
