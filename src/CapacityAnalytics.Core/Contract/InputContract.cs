namespace CapacityAnalytics.Core.Contract;

/// <summary>
/// The canonical input contract (docs/input-contract.md), defined once: ingest validates against it, the docs are generated
/// from it and the sample generator writes it.
/// </summary>
public static class InputContract
{
    /// <summary>
    /// Files the product itself writes into an extract folder (the sample generator's ground truth): not extracts, and
    /// not reported as unknown files either.
    /// </summary>
    public static readonly IReadOnlyList<string> ProductFiles = ["ground_truth.json"];

    private static ColumnSpec Req(string name, ColumnType type) => new(name, type, Required: true);
    private static ColumnSpec Opt(string name, ColumnType type, string? dflt = null) => new(name, type, Default: dflt);
    private static ColumnSpec Enum(string name, bool required, params string[] values) =>
        new(name, ColumnType.Text, Required: required, AllowedValues: values);

    public static readonly IReadOnlyList<string> ActivityTypes =
    [
        "kickoff", "onboarding_session", "training", "check_in", "success_plan_review", "qbr", "ebr",
        "health_review", "renewal_meeting", "expansion_meeting", "email", "call", "escalation",
        "support_coordination", "internal_meeting", "admin",
    ];

    public static readonly EntitySpec Csms = new("csms",
    [
        Req("csm_id", ColumnType.Text),
        Opt("name", ColumnType.Text),
        Opt("email", ColumnType.Text),
        Opt("team", ColumnType.Text),
        Opt("manager_id", ColumnType.Text),
        Enum("role", false, "dedicated", "pooled", "digital") with { Default = "dedicated" },
        new("fte", ColumnType.Decimal, Default: "1", Min: 0, Max: 1.5),
        new("weekly_hours", ColumnType.Decimal, Default: "40", Min: 0, Max: 80),
        Opt("start_date", ColumnType.Date),
        Opt("end_date", ColumnType.Date),
    ], ["csm_id"], Optional: false);

    public static readonly EntitySpec Accounts = new("accounts",
    [
        Req("account_id", ColumnType.Text),
        Opt("name", ColumnType.Text),
        Opt("csm_id", ColumnType.Text),
        new("arr", ColumnType.Decimal, Required: true, Min: 0),
        Opt("segment", ColumnType.Text),
        Opt("industry", ColumnType.Text),
        new("employees", ColumnType.Integer, Min: 0),
        new("product_complexity", ColumnType.Integer, Default: "3", Min: 1, Max: 5),
        new("integrations", ColumnType.Integer, Min: 0),
        new("stakeholders", ColumnType.Integer, Min: 0),
        Enum("expansion_potential", false, "low", "medium", "high"),
        Opt("contract_start", ColumnType.Date),
        Opt("renewal_date", ColumnType.Date),
        Opt("churned_on", ColumnType.Date),
    ], ["account_id"], Optional: false);

    public static readonly EntitySpec AccountHistory = new("account_history",
    [
        Req("account_id", ColumnType.Text),
        Req("valid_from", ColumnType.Date),
        Opt("csm_id", ColumnType.Text),
        new("arr", ColumnType.Decimal, Min: 0),
        Opt("segment", ColumnType.Text),
    ], ["account_id", "valid_from"], Optional: true);

    public static readonly EntitySpec Activities = new("activities",
    [
        Req("activity_id", ColumnType.Text),
        Opt("account_id", ColumnType.Text),
        Req("csm_id", ColumnType.Text),
        Req("type", ColumnType.Text),
        Req("occurred_at", ColumnType.Timestamp),
        new("duration_minutes", ColumnType.Decimal, Min: 0, Max: 1440),
        Enum("direction", false, "outbound", "inbound"),
        Opt("subject", ColumnType.Text),
    ], ["activity_id"], Optional: false);

    public static readonly EntitySpec TimeOff = new("time_off",
    [
        Req("csm_id", ColumnType.Text),
        Req("date", ColumnType.Date),
        new("hours", ColumnType.Decimal, Required: true, Min: 0, Max: 24),
    ], ["csm_id", "date"], Optional: true);

    public static readonly EntitySpec Opportunities = new("opportunities",
    [
        Req("opportunity_id", ColumnType.Text),
        Req("account_id", ColumnType.Text),
        Enum("type", true, "new", "renewal", "expansion", "contraction"),
        Req("amount", ColumnType.Decimal),
        Req("created_on", ColumnType.Date),
        Opt("close_on", ColumnType.Date),
        Opt("stage", ColumnType.Text),
        Opt("is_closed", ColumnType.Boolean),
        Opt("is_won", ColumnType.Boolean),
    ], ["opportunity_id"], Optional: true);

    public static readonly EntitySpec Tickets = new("tickets",
    [
        Req("ticket_id", ColumnType.Text),
        Req("account_id", ColumnType.Text),
        Req("created_at", ColumnType.Timestamp),
        Opt("first_response_at", ColumnType.Timestamp),
        Opt("solved_at", ColumnType.Timestamp),
        Enum("priority", false, "low", "normal", "high", "urgent"),
        Opt("status", ColumnType.Text),
        Opt("channel", ColumnType.Text),
        Opt("escalated", ColumnType.Boolean, "false"),
        new("csm_minutes", ColumnType.Decimal, Min: 0),
    ], ["ticket_id"], Optional: true);

    public static readonly EntitySpec UsageDaily = new("usage_daily",
    [
        Req("account_id", ColumnType.Text),
        Req("date", ColumnType.Date),
        new("active_users", ColumnType.Integer, Required: true, Min: 0),
        new("events", ColumnType.Integer, Min: 0),
        new("key_events", ColumnType.Integer, Min: 0),
    ], ["account_id", "date"], Optional: true);

    public static readonly EntitySpec UsageEvents = new("usage_events",
    [
        Req("account_id", ColumnType.Text),
        Req("user_id", ColumnType.Text),
        Req("occurred_at", ColumnType.Timestamp),
        Req("event", ColumnType.Text),
    ], [], Optional: true);

    public static readonly EntitySpec HealthScores = new("health_scores",
    [
        Req("account_id", ColumnType.Text),
        Req("date", ColumnType.Date),
        new("score", ColumnType.Decimal, Required: true, Min: 0, Max: 100),
    ], ["account_id", "date"], Optional: true);

    /// <summary>All entities, in load order (dimensions before facts).</summary>
    public static readonly IReadOnlyList<EntitySpec> Entities =
    [
        Csms, Accounts, AccountHistory, Activities, TimeOff, Opportunities, Tickets, UsageDaily, UsageEvents, HealthScores,
    ];

    public static EntitySpec? Find(string name) =>
        Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The entity a file belongs to, by its stem: the longest entity name the stem starts with
    /// (so <c>account_history_2025.csv</c> is account_history, not accounts). Null when none matches.
    /// </summary>
    public static EntitySpec? ForFileStem(string stem)
    {
        var lower = stem.ToLowerInvariant();
        return Entities
            .Where(e => lower.StartsWith(e.Name, StringComparison.Ordinal))
            .OrderByDescending(e => e.Name.Length)
            .FirstOrDefault();
    }
}
