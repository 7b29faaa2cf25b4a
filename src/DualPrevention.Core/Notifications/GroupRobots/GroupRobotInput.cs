using DualPrevention.Core.Localization;
using FluentValidation;
using FluentValidation.Results;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Checks what a person types for a robot, each failure naming its field (<c>Name</c>, <c>Kind</c>, <c>Webhook</c>,
/// <c>Secret</c>, <c>TemplateKeys</c>, <c>Language</c>): the URL must be its platform's (<see cref="GroupRobotOptions.Prefix"/>) with a
/// credential, a secret is DingTalk's <c>SEC…</c>, and the notice kinds are among the owner's.
/// </summary>
public static class GroupRobotInput
{
    public const int MaxNameLength = 100;

    /// <param name="webhook">Null when kept as stored (an edit that does not replace it).</param>
    /// <param name="secret">Null or empty when none (or kept).</param>
    /// <exception cref="ValidationException">Any field fails.</exception>
    public static void Validate(
        string? name, GroupRobotKind kind, string? webhook, string? secret, IReadOnlyCollection<string>? templateKeys, string? language, bool enterprise, GroupRobotOptions options)
    {
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            failures.Add(new("Name", CoreText.Get("GroupRobot.Name.Invalid", MaxNameLength)));
        }

        if (!Enum.IsDefined(kind))
        {
            failures.Add(new("Kind", CoreText.Get("GroupRobot.Kind.Invalid")));
        }
        else if (webhook is not null && !IsWebhookOf(kind, webhook.Trim(), options))
        {
            failures.Add(new("Webhook", CoreText.Get("GroupRobot.Webhook.Invalid", options.Prefix(kind))));
        }

        if (!string.IsNullOrEmpty(secret) && (kind != GroupRobotKind.DingTalk || !secret.Trim().StartsWith("SEC", StringComparison.Ordinal) || secret.Trim().Length > 200))
        {
            failures.Add(new("Secret", CoreText.Get(kind == GroupRobotKind.DingTalk ? "GroupRobot.Secret.Invalid" : "GroupRobot.Secret.OnlyDingTalk")));
        }

        var allowed = GroupRobotEvents.For(enterprise);
        if (templateKeys is not { Count: > 0 } || templateKeys.Any(k => !allowed.Contains(k)))
        {
            failures.Add(new("TemplateKeys", CoreText.Get("GroupRobot.TemplateKeys.Invalid")));
        }

        if (!GroupRobotLanguages.IsKnown(language))
        {
            failures.Add(new("Language", CoreText.Get("GroupRobot.Language.Invalid", string.Join(", ", GroupRobotLanguages.All))));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private static bool IsWebhookOf(GroupRobotKind kind, string webhook, GroupRobotOptions options)
    {
        var prefix = options.Prefix(kind);
        return webhook.Length <= 1000
            && webhook.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && webhook.Length > prefix.Length
            && !webhook.Any(char.IsWhiteSpace)
            && Uri.TryCreate(webhook, UriKind.Absolute, out _);
    }
}
