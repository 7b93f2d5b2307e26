using System.Runtime.InteropServices;
using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Pipeline.Targets;

/// <summary>
/// Replaces an output folder (dashboard/, powerbi/) whole: the new content is written into a hidden sibling
/// (<c>.&lt;name&gt;.incoming-&lt;run&gt;</c>) and swapped in, so a reader, or a run killed half-way, never leaves a
/// mix of two publishes. On Linux the swap is one atomic <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere it is two
/// renames, and <see cref="Recover"/> (run before every write) puts back a folder a crash left set aside.
/// </summary>
public static class FolderSwap
{
    /// <summary>Writes a folder's new content through <paramref name="write"/> and swaps it in.</summary>
    /// <param name="seed">Copy the current content into the staging folder first (files a user keeps beside ours survive).</param>
    public static void Write(string target, string runId, Action<string> write, bool seed = false)
    {
        target = Path.GetFullPath(target);
        Recover(target);
        var staged = StagingFolder(target, runId);
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        if (seed && Directory.Exists(target)) Copy(target, staged);
        Directory.CreateDirectory(staged);
        try
        {
            write(staged);
            Replace(target, staged);
        }
        catch
        {
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
            throw;
        }
    }

    /// <summary>Removes staging folders a killed run left behind, and restores a folder set aside by an unfinished two-rename swap.</summary>
    public static void Recover(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        if (!Directory.Exists(parent)) return;
        var previous = PreviousFolder(target);
        if (!Directory.Exists(target) && Directory.Exists(previous)) Directory.Move(previous, target);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        foreach (var stale in Directory.GetDirectories(parent, "." + name + ".incoming-*"))
        {
            Directory.Delete(OutputPath.Inside(parent, stale), recursive: true);
        }
    }

    private static string StagingFolder(string target, string runId) =>
        OutputPath.Inside(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".incoming-" + runId);

    private static string PreviousFolder(string target) =>
        OutputPath.Inside(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".previous");

    private static void Replace(string target, string staged)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staged, target);
            return;
        }
        if (OperatingSystem.IsLinux() && Exchange(staged, target))
        {
            Directory.Delete(staged, recursive: true); // it now holds the old content
            return;
        }
        var previous = PreviousFolder(target);
        Directory.Move(target, previous);
        Directory.Move(staged, target);
        Directory.Delete(previous, recursive: true);
    }

    private static bool Exchange(string a, string b)
    {
        try
        {
            return NativeMethods.renameat2(NativeMethods.AtFdCwd, a, NativeMethods.AtFdCwd, b, NativeMethods.RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // an older C library: fall back to two renames
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static class NativeMethods
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

#pragma warning disable SYSLIB1054, CA1401 // As CurrentPointer: a plain DllImport keeps the project free of unsafe code.
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int renameat2(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);
#pragma warning restore SYSLIB1054, CA1401
    }
}
