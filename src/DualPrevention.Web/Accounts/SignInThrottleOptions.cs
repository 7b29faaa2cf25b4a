namespace DualPrevention.Web.Accounts;

/// <summary>
/// Limits on sign-in, token and password requests (configuration section <c>SignInThrottle</c>): a client address or
/// a user name that goes past its limit gets 429 with Retry-After before any account is locked (ADR 0017).
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    /// <summary>Sign-in, token and password requests one client address may make per <see cref="PerClientWindow"/>.</summary>
    public int PerClientPermitLimit { get; set; } = 20;

    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts on one user name, from any address, per <see cref="PerUserNameWindow"/>.</summary>
    public int PerUserNamePermitLimit { get; set; } = 10;

    public TimeSpan PerUserNameWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed attempts on one user name from one client address that lock that name for that address only
    /// (GB/T 22239-2019 level 3, login failure handling), so a stranger elsewhere cannot lock the owner out.
    /// </summary>
    public int FailuresBeforeLockout { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
