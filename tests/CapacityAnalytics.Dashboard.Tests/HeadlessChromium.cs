using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace CapacityAnalytics.Dashboard.Tests;

/// <summary>A Chromium executable the tests can launch, the environment it needs and where it came from.</summary>
internal sealed record ChromiumBrowser(string ExecutablePath, IReadOnlyDictionary<string, string> Environment, string Origin);

/// <summary>
/// Finds a headless Chromium without a manual step, in this order: the executable named by
/// <c>CAPACITY_TEST_CHROMIUM</c>; a system chromium (Debian's <c>chromium</c>, or one on PATH); otherwise the build
/// that the npm package <c>@sparticuz/chromium</c> ships inside itself, installed with <c>npm ci</c> from
/// <c>Browser/package-lock.json</c> and unpacked once per lock file into the user's cache folder. Only the package's
/// compressed files are used; none of its JavaScript runs (it needs a newer Node than the one we require).
/// </summary>
internal static class HeadlessChromium
{
    private const string OverrideVariable = "CAPACITY_TEST_CHROMIUM";
    private static readonly string[] SystemCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly string[] PathNames = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ChromiumBrowser? located;

    public static async Task<ChromiumBrowser> LocateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return located ??= await FindAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<ChromiumBrowser> FindAsync()
    {
        var chosen = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            return File.Exists(chosen)
                ? new ChromiumBrowser(chosen, new Dictionary<string, string>(), $"{OverrideVariable}={chosen}")
                : throw new InvalidOperationException($"{OverrideVariable} names {chosen}, which does not exist: point it at a Chromium executable or unset it.");
        }
        var system = SystemCandidates.FirstOrDefault(File.Exists) ?? FindOnPath();
        if (system is not null)
        {
            return new ChromiumBrowser(system, new Dictionary<string, string>(), "system " + system);
        }
        return OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? await PackagedChromium.UnpackAsync()
            : throw new InvalidOperationException($"No Chromium found and the npm-packaged one is for Linux x64 only: install Chromium or set {OverrideVariable} to its executable.");
    }

    private static string? FindOnPath()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => PathNames.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>The npm-packaged build: brotli-compressed binary, SwiftShader libraries and a small font set.</summary>
    private static class PackagedChromium
    {
        public static async Task<ChromiumBrowser> UnpackAsync()
        {
            var packageFolder = Path.Combine(AppContext.BaseDirectory, "Browser");
            var lockFile = Path.Combine(packageFolder, "package-lock.json");
            var key = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)))[..12];
            var home = Path.Combine(CacheRoot(), "capacityanalytics", "chromium-" + key);
            var executable = Path.Combine(home, "chromium");
            var complete = Path.Combine(home, ".complete");

            if (!File.Exists(complete))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(home)!);
                // Another test process may be unpacking the same build: the lock file serialises them.
                await using var exclusive = await AcquireAsync(home + ".lock");
                if (!File.Exists(complete))
                {
                    await InstallAsync(packageFolder, home);
                }
            }
            var environment = new Dictionary<string, string> { ["FONTCONFIG_PATH"] = Path.Combine(home, "fonts") };
            return new ChromiumBrowser(executable, environment, "npm @sparticuz/chromium unpacked in " + home);
        }

        private static async Task InstallAsync(string packageFolder, string home)
        {
            var staging = home + ".partial";
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(home)) Directory.Delete(home, recursive: true);
            var npmFolder = Path.Combine(staging, "npm");
            Directory.CreateDirectory(npmFolder);
            File.Copy(Path.Combine(packageFolder, "package.json"), Path.Combine(npmFolder, "package.json"));
            File.Copy(Path.Combine(packageFolder, "package-lock.json"), Path.Combine(npmFolder, "package-lock.json"));
            await RunNpmCiAsync(npmFolder);

            var bin = Path.Combine(npmFolder, "node_modules", "@sparticuz", "chromium", "bin");
            var executable = Path.Combine(staging, "chromium");
            await using (var compressed = File.OpenRead(Path.Combine(bin, "chromium.br")))
            await using (var brotli = new BrotliStream(compressed, CompressionMode.Decompress))
            await using (var target = File.Create(executable))
            {
                await brotli.CopyToAsync(target);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await ExtractTarAsync(Path.Combine(bin, "swiftshader.tar.br"), staging);
            var fonts = Path.Combine(staging, "fonts");
            await ExtractTarAsync(Path.Combine(bin, "fonts.tar.br"), fonts);
            // The package's fonts.conf names the Lambda folders; ours names where the fonts are once unpacked.
            var fontsHome = Path.Combine(home, "fonts");
            await File.WriteAllTextAsync(Path.Combine(fonts, "fonts.conf"), $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>{Path.Combine(fontsHome, "fonts")}</dir>
                  <cachedir>{Path.Combine(fontsHome, "cache")}</cachedir>
                </fontconfig>
                """);
            Directory.Delete(npmFolder, recursive: true);
            Directory.Move(staging, home);
            await File.WriteAllTextAsync(Path.Combine(home, ".complete"), "");
        }

        private static async Task RunNpmCiAsync(string folder)
        {
            var start = new ProcessStartInfo("npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"No system chromium and npm could not start ({e.Message}): install Node.js with npm, or Debian's chromium (apt-get install -y chromium).", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    var reason = (await error + await output).ReplaceLineEndings(" ").Trim();
                    throw new InvalidOperationException($"No system chromium and `npm ci` in {folder} failed (exit {process.ExitCode}): {reason} Install Debian's chromium (apt-get install -y chromium) or fix the npm registry access.");
                }
            }
        }

        private static async Task ExtractTarAsync(string archive, string destination)
        {
            Directory.CreateDirectory(destination);
            await using var compressed = File.OpenRead(archive);
            await using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
            await TarFile.ExtractToDirectoryAsync(brotli, destination, overwriteFiles: true);
        }

        private static async Task<FileStream> AcquireAsync(string path)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (attempt < 600)
                {
                    await Task.Delay(500);
                }
            }
        }

        private static string CacheRoot()
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            return !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }
    }
}
