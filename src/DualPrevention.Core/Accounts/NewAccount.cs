namespace DualPrevention.Core.Accounts;

/// <summary>The person behind a new account and the one-time password they must change at first sign-in.</summary>
public sealed record NewAccount
{
    public string UserName { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string? PhoneNumber { get; init; }

    /// <summary>≥ 8 characters from 3 classes (<see cref="ThreeCharacterClassesPasswordValidator"/>).</summary>
    public string InitialPassword { get; init; } = "";
}
