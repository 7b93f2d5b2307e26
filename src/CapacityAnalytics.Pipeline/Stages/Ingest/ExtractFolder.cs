using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>The files of an extract folder, grouped by entity, plus the files no entity claims.</summary>
public sealed record ExtractFolder(
    string Folder,
    IReadOnlyDictionary<string, IReadOnlyList<ExtractFile>> FilesByEntity,
    IReadOnlyList<string> UnknownFiles)
{
    public IReadOnlyList<ExtractFile> FilesOf(EntitySpec entity) =>
        FilesByEntity.TryGetValue(entity.Name, out var files) ? files : [];

    /// <summary>Throws <see cref="MissingEntityException"/> for the first non-optional entity without files.</summary>
    public void RequireMandatoryEntities()
    {
        foreach (var entity in InputContract.Entities.Where(e => !e.Optional))
        {
            if (FilesOf(entity).Count == 0)
            {
                throw new MissingEntityException(Folder, entity.Name);
            }
        }
    }
}
