using System.Runtime.InteropServices;

namespace CapacityAnalytics.Bench;

/// <summary>
/// The extract folder of one bench run: the generated company's files as hard links (copies where the file system
/// cannot link), so the run can add files to its own folder while the generated company, reused by later runs, stays
/// as it was generated.
/// </summary>
public static class RunExtracts
{
    /// <summary>Links (or copies) every file of <paramref name="input"/> into <paramref name="folder"/>, created empty.</summary>
    /// <returns>How many files were linked rather than copied.</returns>
    public static int Create(BenchInput input, string folder)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var linked = 0;
        foreach (var file in input.Files)
        {
            var from = Path.Combine(input.Directory, file.Name);
            var to = Path.Combine(folder, file.Name);
            if (TryLink(from, to)) linked++;
            else File.Copy(from, to);
        }
        return linked;
    }

    private static bool TryLink(string from, string to)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            return NativeMethods.link(from, to) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // no C library to ask: copy
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA1401 // As the pipeline's CurrentPointer: a plain DllImport keeps the project free of unsafe code.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
#pragma warning restore SYSLIB1054, CA1401
    }
}
