using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// Writes the HTML dashboard to <c>OUT/dashboard/</c>: <c>index.html</c> (book health), <c>early-warning.html</c> and
/// <c>calibration.html</c>, each carrying its data, styles and scripts inline, and one shared copy of the chart library in
/// <c>assets/</c> beside them, so the folder opens from disk with no network.
/// The same warehouse gives the same bytes. A publish replaces the folder whole (<see cref="FolderSwap"/>).
/// </summary>
public sealed class DashboardPublisher(string root) : IPublisher
{
    public string Name => "dashboard";
    public PublishTargetKind Kind => PublishTargetKind.Dashboard;

    public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> written = [];
        var fingerprints = PublishedTables.WithContent(context.Connection, tables).Where(t => t.Content is not null)
            .ToDictionary(t => t.Name, t => t.Content!.Fingerprint, StringComparer.Ordinal);
        var cache = new PageCache(Path.GetFullPath(root), fingerprints, context.Connection.TableNames(),
            (table, columns) => TableFingerprint.OfColumns(context.Connection, table, columns));
        // The pages are written into a staging folder and swapped in together: never a mix of two runs' pages.
        var staged = FolderSwap.Prepare(root, context.RunId, folder => written = Write(folder, context.Connection, MeasureCatalog.Default(context.Model), cache, cancellationToken));
        return new StagedFolderPublish(staged) { Result = new PublishResult(Name, Path.Combine(root, written[0]), written.Count, 0) { Kept = cache.Kept } };
    }

    public bool RollForward(RunContext context, string committedRunId) => FolderSwap.RollForward(root, committedRunId);

    /// <summary>Renders every page from the warehouse; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string root, DuckDBConnection connection, MeasureCatalog catalog, CancellationToken cancellationToken = default) =>
        Write(root, connection, catalog, null, cancellationToken);

    /// <summary>
    /// Writes every page, its data taken from the published page when <paramref name="cache"/> finds it would come out
    /// the same, else read from the warehouse (and recorded). Returns the file names written.
    /// </summary>
    public static IReadOnlyList<string> Write(string root, DuckDBConnection connection, MeasureCatalog catalog, PageCache? cache, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(root);
        var queries = new WarehouseQueries(connection, catalog, cache?.Tables);
        var asOf = queries.Date("fct_account_health", "select max(as_of) from fct_account_health")
            ?? queries.Date("fct_csm_week", "select cast(max(week_start) as date) from fct_csm_week");
        var written = new List<string>();
        var assets = Path.Combine(root, DashboardAssets.ChartLibraryPath);
        Directory.CreateDirectory(Path.GetDirectoryName(assets)!);
        File.WriteAllText(assets + ".tmp", DashboardAssets.ChartLibrary);
        File.Move(assets + ".tmp", assets, overwrite: true);
        foreach (var page in DashboardPage.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Written beside, then renamed over: a reader never sees half a page.
            var target = Path.Combine(root, page.FileName);
            var temp = target + ".tmp";
            var key = PageCache.KeyOf(page, catalog);
            var data = cache?.Reusable(page, key);
            IReadOnlyList<string>? reads = null;
            if (data is null)
            {
                queries.TakeReads();
                data = DashboardRenderer.DataJson(page.Data(queries));
                reads = queries.TakeReads();
            }
            var rendered = DashboardRenderer.Render(page, data, catalog, asOf);
            cache?.Rendered(page, key, reads, data, rendered);
            File.WriteAllText(temp, rendered.Html);
            File.Move(temp, target, overwrite: true);
            written.Add(page.FileName);
        }
        cache?.Write(root);
        return written;
    }
}
