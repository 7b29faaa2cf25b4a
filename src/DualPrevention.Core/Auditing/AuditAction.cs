namespace DualPrevention.Core.Auditing;

/// <summary>What happened to the audited row.</summary>
public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,

    /// <summary>A successful sign-in (web form or token).</summary>
    SignIn = 4,

    /// <summary>A failed sign-in: wrong password, locked out, or unknown user name.</summary>
    SignInFailed = 5,

    /// <summary>A sign-out.</summary>
    SignOut = 6,

    /// <summary>Sign-in, token or password requests refused with 429 (per client address or per user name).</summary>
    SignInThrottled = 7,

    /// <summary>Failed sign-ins that locked a user name for the client address that made them.</summary>
    SignInLockedOut = 8,

    /// <summary>Persons' live positions shown (docs/domain/positioning.md#45-retention-and-privacy: access to positions is logged).</summary>
    PositionsViewed = 9,
}
