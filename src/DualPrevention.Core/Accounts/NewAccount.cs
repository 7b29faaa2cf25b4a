namespace DualPrevention.Core.Accounts;

/// <summary>The person behind a new account and the one-time password they must change at first sign-in.</summary>
public sealed record NewAccount
{
    public string UserName { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string? PhoneNumber { get; init; }

    /// <summary>车间/部门, free text (≤ 100 characters); groups the task board.</summary>
    public string? Department { get; init; }

    /// <summary>岗位 (≤ 100 characters); inspection tasks assigned to a post go to its holders.</summary>
    public string? Post { get; init; }

    /// <summary>≥ 8 characters from 3 classes (<see cref="ThreeCharacterClassesPasswordValidator"/>).</summary>
    public string InitialPassword { get; init; } = "";
}
