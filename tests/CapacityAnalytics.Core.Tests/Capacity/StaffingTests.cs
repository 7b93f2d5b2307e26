using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Tests.Capacity;

public sealed class StaffingTests
{
    /// <summary>enterprise and mid_market dedicated, smb pooled; 8, 2 and 0.5 CSM hours per account-month.</summary>
    private static CapacityModel ThreeSegments()
    {
        var model = TestModels.Ninety6Hours();
        model.Segments =
        [
            new SegmentBand { Name = "enterprise", MinArr = 50_000, Lane = "dedicated" },
            new SegmentBand { Name = "mid_market", MinArr = 10_000, MaxArr = 50_000, Lane = "dedicated" },
            new SegmentBand { Name = "smb", MaxArr = 10_000, Lane = "pooled" },
        ];
        return model;
    }

    private static readonly Dictionary<string, double> Hours = new() { ["enterprise"] = 8, ["mid_market"] = 2, ["smb"] = 0.5 };

    private static readonly SegmentPortfolio[] Portfolio =
        [new("enterprise", 10, 1_000_000), new("mid_market", 40, 800_000), new("smb", 150, 300_000)];

    private static CsmBook Book(string id, string role, double fte, params (string Segment, double Accounts)[] book) =>
        new(id, role, fte, book.ToDictionary(b => b.Segment, b => b.Accounts));

    [Fact]
    public void Each_CSM_counts_in_the_segments_of_the_book_by_the_hours_they_need()
    {
        CsmBook[] csms =
        [
            // 6 enterprise x 8 h = 48 h and 12 mid-market x 2 h = 24 h: 2/3 and 1/3 of one FTE.
            Book("A", "dedicated", 1, ("enterprise", 6), ("mid_market", 12)),
            // Half-time, mid-market only: 0.5.
            Book("B", "dedicated", 0.5, ("mid_market", 10)),
            // Pooled: all smb.
            Book("C", "pooled", 1, ("smb", 100)),
            // A digital-role CSM is digital program staff: not counted, whatever the book.
            Book("D", "digital", 1, ("smb", 50)),
            // A dedicated CSM with an empty book: the dedicated segments by the hours they need today,
            // enterprise 10 x 8 = 80 h and mid-market 40 x 2 = 80 h: half each.
            Book("E", "dedicated", 1),
        ];

        var headcount = Staffing.HeadcountBySegment(ThreeSegments(), csms, Hours, Portfolio);

        Assert.Equal((2.0 / 3) + 0.5, headcount["enterprise"], 9);
        Assert.Equal((1.0 / 3) + 0.5 + 0.5, headcount["mid_market"], 9);
        Assert.Equal(1, headcount["smb"], 9);
        Assert.Equal(0, Staffing.Unallocated(ThreeSegments(), csms, Hours, Portfolio));
    }

    [Fact]
    public void A_CSM_whose_lane_has_no_segment_is_left_unallocated()
    {
        // The one-segment model is all dedicated: a pooled CSM with an empty book has nowhere to go.
        var csms = new[] { Book("P", "pooled", 0.8) };
        var model = TestModels.Ninety6Hours();
        var hours = new Dictionary<string, double> { ["enterprise"] = 8 };

        Assert.Equal(0, Staffing.HeadcountBySegment(model, csms, hours, [new("enterprise", 10, 1)])["enterprise"]);
        Assert.Equal(0.8, Staffing.Unallocated(model, csms, hours, [new("enterprise", 10, 1)]), 9);
    }
}
