using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// Writes the Power BI project to <c>OUT/powerbi/</c>. Its tables read the Parquet publish through the
/// <c>ParquetFolder</c> parameter, which defaults to <paramref name="parquetFolder"/> (the absolute
/// <c>OUT/parquet/current</c>), so a refresh in Desktop always loads the latest complete publish.
/// </summary>
public sealed class PowerBiPublisher(string root, string parquetFolder) : IPublisher
{
    public string Name => "powerbi";
    public PublishTargetKind Kind => PublishTargetKind.PowerBi;

    public PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken)
    {
        var catalog = MeasureCatalog.Default(context.Model);
        var model = SemanticModelReader.Read(context.Connection, tables, catalog);
        cancellationToken.ThrowIfCancellationRequested();
        var files = PowerBiProjectWriter.Files(model, Path.GetFullPath(parquetFolder));
        var result = new PublishResult(Name, Path.Combine(root, PowerBiProjectWriter.ProjectName + ".pbip"), model.Tables.Count, 0);
        // The same tables, columns and measures give the same files: the project (and Desktop's files beside it) is
        // kept as it is, without copying it aside. A daily run that adds rows changes none of them.
        if (PowerBiProjectWriter.Holds(Path.GetFullPath(root), files))
        {
            return new StagedFolderPublish(FolderSwap.PrepareKept(root, context.RunId)) { Result = result with { Kept = model.Tables.Count } };
        }
        // Written over a copy of the project (Desktop's own files survive) and swapped in whole.
        var staged = FolderSwap.Prepare(root, context.RunId, folder => PowerBiProjectWriter.Write(folder, files), seed: true);
        return new StagedFolderPublish(staged) { Result = result };
    }

    public bool RollForward(RunContext context, string committedRunId) => FolderSwap.RollForward(root, committedRunId);
}
