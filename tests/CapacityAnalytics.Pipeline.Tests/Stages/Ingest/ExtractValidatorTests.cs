using CapacityAnalytics.Pipeline.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class ExtractValidatorTests
{
    [Fact]
    public void Validation_lists_every_problem_with_file_line_and_column_without_stopping_at_the_first()
    {
        // Given
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        var activities = extract.WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at",
            "x1,c1,qbr,2025-01-01T10:00:00Z", "x2,c1,qbr,soon", "x3,c1,qbr,2025-01-01T10:00:00Z,extra");
        var tickets = extract.WriteLines("tickets.csv", "ticket_id,created_at", "t1,2025-01-01T10:00:00Z");
        var notes = extract.WriteLines("notes.txt", "n");

        // When
        var problems = ExtractValidator.Validate(extract.Folder);

        // Then
        Assert.Equal(
            [
                (activities, (long?)3, "occurred_at"),
                (activities, 4, null),
                (notes, null, null),
                (tickets, 1, "account_id"),
            ],
            problems.Select(p => (p.File, p.Line, p.Column)).Order());
    }
}
