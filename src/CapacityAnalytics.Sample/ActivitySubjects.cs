namespace CapacityAnalytics.Sample;

/// <summary>Subject lines of generated activities; a few carry commas and quotes, as real CRM exports do.</summary>
public static class ActivitySubjects
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        ["kickoff"] = ["Kickoff", "Project kickoff, goals and timeline"],
        ["onboarding_session"] = ["Onboarding session", "Onboarding: data import", "Onboarding: admin setup"],
        ["training"] = ["Admin training", "End-user training", "Training: \"reports\" module"],
        ["check_in"] = ["Check-in", "Monthly check-in", "Quick sync"],
        ["success_plan_review"] = ["Success plan review", "Success plan: goals, owners, dates"],
        ["qbr"] = ["Quarterly business review", "QBR"],
        ["ebr"] = ["Executive business review"],
        ["health_review"] = ["Health review", "Adoption review"],
        ["renewal_meeting"] = ["Renewal discussion", "Renewal: terms, pricing"],
        ["expansion_meeting"] = ["Expansion discussion", "Additional seats"],
        ["email"] = ["Follow-up", "Re: question", "Re: \"export\" issue, next steps", "Resources"],
        ["call"] = ["Call", "Phone call", "Call re: invoice"],
        ["escalation"] = ["Escalation", "Escalation: outage, follow-up"],
        ["support_coordination"] = ["Ticket follow-up", "Support coordination"],
        ["internal_meeting"] = ["Team sync", "1:1 with manager", "Account planning"],
        ["admin"] = ["CRM hygiene", "Forecast update", "Reporting"],
    };

    public static string Draw(SampleRandom random, string type)
    {
        var options = ByType[type];
        return options[random.Next(options.Length)];
    }
}
