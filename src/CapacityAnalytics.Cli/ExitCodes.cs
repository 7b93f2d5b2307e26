namespace CapacityAnalytics.Cli;

/// <summary>Process exit codes: 0 ok, 1 data error, 2 usage or configuration error.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Data = 1;
    public const int Usage = 2;
}
