using DualPrevention.Core.Auditing;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// A WeCom or DingTalk group robot (群机器人) that an enterprise's administrators, a city's reviewers or the province's
/// staff set up for their group, and the notice kinds posted to it (ADR 0019). Owned like a report export: an
/// enterprise robot carries its enterprise and its county, a bureau's robot no enterprise and the bureau's own region
/// code. The webhook URL (whose key or access token is the credential) and DingTalk's signing secret are stored only
/// as Data Protection ciphertext and never shown back; the page shows their last four characters.
/// </summary>
public sealed class GroupRobot : IAudited
{
    private GroupRobot()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Set for an enterprise's robot; null for a bureau's.</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>The enterprise's county, or the bureau's own code (370200 for a city, 370000 for the province).</summary>
    public string RegionCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public GroupRobotKind Kind { get; private set; }

    /// <summary>The webhook URL, protected (<see cref="GroupRobotSecrets"/>).</summary>
    public string ProtectedWebhook { get; private set; } = "";

    /// <summary>The last four characters of the webhook URL, shown instead of it.</summary>
    public string WebhookHint { get; private set; } = "";

    /// <summary>DingTalk's <c>SEC…</c> signing secret, protected; null without 加签 and for WeCom.</summary>
    public string? ProtectedSecret { get; private set; }

    /// <summary>The last four characters of the secret, or null.</summary>
    public string? SecretHint { get; private set; }

    /// <summary>The notice kinds (<see cref="INotice.Key"/>) posted to the group, among <see cref="GroupRobotEvents"/>.</summary>
    public List<string> TemplateKeys { get; private set; } = [];

    public bool IsEnabled { get; private set; }

    /// <summary>The language its posts are written in (<see cref="GroupRobotLanguages"/>).</summary>
    public string Language { get; private set; } = GroupRobotLanguages.Chinese;

    /// <summary>Whom to tell when the robot keeps failing: the person who added it.</summary>
    public Guid? CreatedByUserId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Failed attempts since the last success; written by the delivery job outside the audit trail.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>The last failure's message, kept until a post succeeds.</summary>
    public string? LastError { get; private set; }

    /// <summary>UTC of the last post, successful or not.</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>A robot of <paramref name="enterpriseId"/> (null for a bureau's) in <paramref name="regionCode"/>, enabled.</summary>
    public static GroupRobot Add(
        Guid? enterpriseId, string regionCode, string name, GroupRobotKind kind, string protectedWebhook, string webhookHint,
        string? protectedSecret, string? secretHint, IEnumerable<string> templateKeys, string language, Guid? createdBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Name = name.Trim(),
            Kind = kind,
            ProtectedWebhook = protectedWebhook,
            WebhookHint = webhookHint,
            ProtectedSecret = protectedSecret,
            SecretHint = secretHint,
            TemplateKeys = [.. templateKeys.Distinct(StringComparer.Ordinal)],
            IsEnabled = true,
            Language = language,
            CreatedByUserId = createdBy,
            CreatedAt = now,
        };

    /// <summary>A new name, notice kinds and language; the platform cannot change (a new robot is a new row).</summary>
    public void Update(string name, IEnumerable<string> templateKeys, string language)
    {
        Name = name.Trim();
        TemplateKeys = [.. templateKeys.Distinct(StringComparer.Ordinal)];
        Language = language;
    }

    /// <summary>Replaces the webhook URL (and with it the secret, which belongs to the URL's robot).</summary>
    public void ReplaceWebhook(string protectedWebhook, string webhookHint)
    {
        ProtectedWebhook = protectedWebhook;
        WebhookHint = webhookHint;
    }

    /// <summary>Replaces DingTalk's signing secret; null removes it.</summary>
    public void ReplaceSecret(string? protectedSecret, string? secretHint)
    {
        ProtectedSecret = protectedSecret;
        SecretHint = secretHint;
    }

    public void SetEnabled(bool enabled) => IsEnabled = enabled;

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
