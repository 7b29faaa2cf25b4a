using System.Net.Http.Json;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Posts one message to one group robot. Both platforms answer HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c> on
/// success and HTTP 200 with another <c>errcode</c> when they refuse (bad key, wrong signature, too many messages), so
/// the answer's body decides, not only its status (ADR 0019).
/// </summary>
public sealed class GroupRobotPoster(HttpClient client, TimeProvider clock)
{
    /// <param name="webhook">The robot's webhook URL, its key or access token included.</param>
    /// <param name="secret">DingTalk's signing secret (<c>SEC…</c>); ignored for WeCom.</param>
    /// <exception cref="GroupRobotRefusedException">The robot answered with a non-zero <c>errcode</c>.</exception>
    /// <exception cref="HttpRequestException">Not a 2xx answer, or no answer.</exception>
    public async Task PostAsync(GroupRobotKind kind, Uri webhook, string? secret, GroupRobotMessage message, CancellationToken cancellationToken)
    {
        var (url, payload) = kind switch
        {
            GroupRobotKind.WeCom => (webhook, WeComRobot.Payload(message)),
            GroupRobotKind.DingTalk => (DingTalkRobot.SignedUrl(webhook, secret, clock.GetUtcNow()), DingTalkRobot.Payload(message)),
        };
        using var response = await client.PostAsJsonAsync(url, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
        if (answer is not { ErrCode: 0 })
        {
            throw new GroupRobotRefusedException(answer?.ErrCode, answer?.ErrMsg);
        }
    }

    private sealed record Answer(int ErrCode, string? ErrMsg);
}

/// <summary>A group robot's refusal: its <c>errcode</c> and <c>errmsg</c> (null when the answer was not the robot's JSON).</summary>
public sealed class GroupRobotRefusedException(int? errorCode, string? errorMessage)
    : Exception($"The group robot refused the message: errcode {errorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, {errorMessage ?? "no errmsg"}.")
{
    public int? ErrorCode { get; } = errorCode;

    public string? ErrorMessage { get; } = errorMessage;
}
