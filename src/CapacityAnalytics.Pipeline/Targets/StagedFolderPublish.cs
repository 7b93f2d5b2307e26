using CapacityAnalytics.Pipeline.Stages.Publish;

namespace CapacityAnalytics.Pipeline.Targets;

/// <summary>A folder target's prepared publish: its content staged beside the folder by <see cref="FolderSwap.Prepare"/>.</summary>
public sealed class StagedFolderPublish(FolderSwap.Staged staged) : PreparedPublish
{
    protected override void Switch() => staged.Switch();

    public override void Finish() => staged.Finish();

    protected override void Discard() => staged.Discard();
}
