using System.Runtime.InteropServices;

namespace CapacityAnalytics.Pipeline.Targets.Parquet;

/// <summary>
/// <c>current</c> (a symbolic link) and <c>CURRENT</c> (a one-line text file, for readers that cannot follow links)
/// name the complete publish readers should use. Both are replaced by an atomic rename, never edited in place.
/// </summary>
public static class CurrentPointer
{
    public const string LinkName = "current";
    public const string FileName = "CURRENT";

    public static void Swap(string root, string publishFolder)
    {
        var relative = Path.GetRelativePath(root, publishFolder);
        var tempLink = Path.Combine(root, ".current.tmp");
        if (File.Exists(tempLink) || Directory.Exists(tempLink)) File.Delete(tempLink);
        File.CreateSymbolicLink(tempLink, relative);
        Rename(tempLink, Path.Combine(root, LinkName));

        var tempFile = Path.Combine(root, ".CURRENT.tmp");
        File.WriteAllText(tempFile, relative.Replace('\\', '/') + "\n");
        File.Move(tempFile, Path.Combine(root, FileName), overwrite: true);
    }

    /// <summary>The folder of the current publish, or null when nothing was published yet.</summary>
    public static string? Resolve(string root)
    {
        var file = Path.Combine(root, FileName);
        return File.Exists(file) ? Path.GetFullPath(Path.Combine(root, File.ReadAllText(file).Trim())) : null;
    }

    // rename(2) replaces the destination atomically, links included; File.Move follows a link to a directory and refuses.
    private static void Rename(string from, string to)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(to)) Directory.Delete(to);
            File.Move(from, to, overwrite: true);
            return;
        }
        if (NativeMethods.rename(from, to) != 0)
        {
            throw new IOException($"Could not point {to} at the new publish (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA1401 // A plain DllImport keeps the project free of unsafe code; rename(2) takes UTF-8 paths.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
#pragma warning restore SYSLIB1054, CA1401
    }
}
