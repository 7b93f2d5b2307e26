namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>
/// The one check every path the product writes or deletes goes through: it resolves the path (relative to the output
/// folder, or absolute) and proves it stays inside that folder, lexically (no <c>..</c> out, no other root) and after
/// following every symbolic link on the way. A path that would leave the folder is an error, never written or deleted.
/// </summary>
public static class OutputPath
{
    /// <summary>The full path of <paramref name="path"/> under <paramref name="root"/>; throws when it would leave root.</summary>
    public static string Inside(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(path, fullRoot);
        if (!IsUnder(fullRoot, full))
        {
            throw Outside(root, path, full);
        }
        // Follow links: the root itself may be a link (a mounted volume), but nothing below it may lead out of it.
        var realRoot = Real(fullRoot);
        var current = fullRoot;
        foreach (var part in Path.GetRelativePath(fullRoot, full).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!info.Exists || info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            var resolved = target is null ? null : Real(target.FullName);
            if (resolved is null || !IsUnder(realRoot, resolved))
            {
                throw Outside(root, path, $"{current} -> {resolved ?? info.LinkTarget}");
            }
        }
        return full;
    }

    /// <summary>True when <paramref name="path"/> resolves inside <paramref name="root"/> (see <see cref="Inside"/>).</summary>
    public static bool IsInside(string root, string path)
    {
        try
        {
            Inside(root, path);
            return true;
        }
        catch (ConfigurationException)
        {
            return false;
        }
    }

    private static bool IsUnder(string root, string full)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(root, full, comparison)) return true;
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, comparison);
    }

    /// <summary>The path with every link among its existing parts followed.</summary>
    private static string Real(string path)
    {
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Real(target.FullName);
            }
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    private static ConfigurationException Outside(string root, string path, string resolved) => new(
        $"{path}: refusing to write or delete outside the output folder {Path.GetFullPath(root)} (resolves to {resolved}); "
        + "check the pipeline name, the output paths and any symbolic links under the output folder.");
}
