using System.Runtime.InteropServices;
using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Pipeline.Targets;

/// <summary>
/// Replaces an output folder (dashboard/, powerbi/) whole: the new content is written into a hidden sibling
/// (<c>.&lt;name&gt;.incoming-&lt;run&gt;</c>, <see cref="Prepare"/>) and swapped in (<see cref="Staged.Switch"/>), so a
/// reader, or a run killed half-way, never sees a mix of two publishes. On Linux the swap is one atomic
/// <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere it is two renames, and <see cref="Recover"/> (run before every write)
/// puts back a folder a crash left set aside. Each folder holds <c>.capacity-run</c>, the run it is from, so a switch a
/// kill interrupted can be finished (<see cref="RollForward"/>).
/// </summary>
public static class FolderSwap
{
    /// <summary>The file in a published folder that names the run it is from.</summary>
    public const string MarkerFile = ".capacity-run";

    /// <summary>Writes a folder's new content through <paramref name="write"/> and swaps it in.</summary>
    /// <param name="seed">Copy the current content into the staging folder first (files a user keeps beside ours survive).</param>
    public static void Write(string target, string runId, Action<string> write, bool seed = false)
    {
        var staged = Prepare(target, runId, write, seed);
        staged.Switch();
        staged.Finish();
    }

    /// <summary>Writes the new content beside the folder; nothing a reader sees changes until <see cref="Staged.Switch"/>.</summary>
    public static Staged Prepare(string target, string runId, Action<string> write, bool seed = false)
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
            File.WriteAllText(Path.Combine(staged, MarkerFile), runId + "\n");
        }
        catch
        {
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
            throw;
        }
        return new Staged(target, staged, runId);
    }

    /// <summary>
    /// Stages a publish that keeps the folder's content as it is (it already holds what the run would write): the
    /// staging folder holds only the run marker and <see cref="KeptFile"/>, and the switch writes the marker into the
    /// folder. Staged like any other, a kill between the commit point and the switch is finished by <see cref="RollForward"/>.
    /// </summary>
    public static Staged PrepareKept(string target, string runId)
    {
        target = Path.GetFullPath(target);
        Recover(target);
        var staged = StagingFolder(target, runId);
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        Directory.CreateDirectory(staged);
        File.WriteAllText(Path.Combine(staged, KeptFile), "");
        File.WriteAllText(Path.Combine(staged, MarkerFile), runId + "\n");
        return new Staged(target, staged, runId);
    }

    /// <summary>In a staging folder: the publish keeps the folder's content and switches only its run marker.</summary>
    public const string KeptFile = ".capacity-kept";

    /// <summary>The run a published folder is from, or null.</summary>
    public static string? RunOf(string folder)
    {
        var marker = Path.Combine(folder, MarkerFile);
        return File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
    }

    /// <summary>
    /// Swaps in the content a killed run prepared for <paramref name="runId"/> when the folder does not hold it yet;
    /// returns true when it did.
    /// </summary>
    public static bool RollForward(string target, string runId)
    {
        target = Path.GetFullPath(target);
        var staged = StagingFolder(target, runId);
        if (!Directory.Exists(staged) || RunOf(staged) != runId || RunOf(target) == runId) return false;
        var handle = new Staged(target, staged, runId);
        handle.Switch();
        handle.Finish();
        return true;
    }

    /// <summary>A folder's new content, written beside it.</summary>
    public sealed class Staged(string target, string folder, string runId)
    {
        public string Target => target;

        public string Folder => folder;

        public string RunId => runId;

        /// <summary>Swaps the new content in; the staging folder then holds the old content until <see cref="Finish"/>.</summary>
        public void Switch()
        {
            if (File.Exists(Path.Combine(folder, KeptFile)))
            {
                // The folder keeps its content: only the run it is from changes, written beside and renamed over.
                var marker = Path.Combine(target, MarkerFile);
                File.WriteAllText(marker + ".tmp", runId + "\n");
                File.Move(marker + ".tmp", marker, overwrite: true);
                return;
            }
            Replace(target, folder);
        }

        /// <summary>Removes the replaced content.</summary>
        public void Finish()
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }

        /// <summary>Drops the new content unswitched.</summary>
        public void Discard() => Finish();
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
            return; // staged now holds the old content, removed by Finish
        }
        var previous = PreviousFolder(target);
        Directory.Move(target, previous);
        Directory.Move(staged, target);
        Directory.Move(previous, staged);
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
