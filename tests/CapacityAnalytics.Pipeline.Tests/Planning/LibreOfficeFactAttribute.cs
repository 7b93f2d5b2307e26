using System.Diagnostics;

namespace CapacityAnalytics.Pipeline.Tests.Planning;

/// <summary>
/// A test that recalculates a workbook in LibreOffice: skipped, saying why, when no <c>soffice</c> is installed
/// (CI installs Debian's libreoffice-calc; a user's machine usually has none). <c>CAPACITY_TEST_SOFFICE</c> names
/// the program explicitly.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public const string Variable = "CAPACITY_TEST_SOFFICE";

    public LibreOfficeFactAttribute()
    {
        if (Program is null)
        {
            Skip = $"LibreOffice is not installed (no soffice on PATH): install libreoffice-calc, or set {Variable} to the soffice program, to recalculate the finance workbook.";
        }
    }

    /// <summary>The soffice program: CAPACITY_TEST_SOFFICE, else the first soffice on PATH; null when there is none.</summary>
    public static string? Program
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named) return File.Exists(named) ? named : null;
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "soffice.exe" : "soffice"))
                .FirstOrDefault(File.Exists);
        }
    }

    /// <summary>
    /// Opens the workbook in LibreOffice headless with a fresh profile that recalculates every formula on load (by
    /// default LibreOffice keeps an .xlsx file's cached values), saves it as .xlsx and returns those bytes.
    /// </summary>
    public static byte[] Recalculate(byte[] xlsx)
    {
        var dir = Directory.CreateTempSubdirectory("capacity-soffice-");
        try
        {
            var user = Directory.CreateDirectory(Path.Combine(dir.FullName, "profile", "user"));
            File.WriteAllText(Path.Combine(user.FullName, "registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);
            var input = Path.Combine(dir.FullName, "plan.xlsx");
            File.WriteAllBytes(input, xlsx);
            var output = Path.Combine(dir.FullName, "out");
            var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException("no soffice"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                "-env:UserInstallation=" + new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri,
                "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", output, input,
            })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("soffice did not finish converting the workbook in 3 minutes.");
            }
            var converted = Path.Combine(output, "plan.xlsx");
            if (!File.Exists(converted))
            {
                throw new InvalidOperationException($"soffice exited {process.ExitCode} without writing {converted}: {stdout.Result} {stderr.Result}");
            }
            return File.ReadAllBytes(converted);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
