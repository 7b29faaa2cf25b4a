using Microsoft.AspNetCore.DataProtection;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Protects a robot's webhook URL and signing secret with ASP.NET Core Data Protection, whose keys the web host keeps
/// in PostgreSQL (<c>data_protection_keys</c>), so any web or job node reads what another wrote (ADR 0019).
/// </summary>
public sealed class GroupRobotSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("DualPrevention.GroupRobots.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring no longer holds the key it was written with.</exception>
    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);

    /// <summary>The last four characters, the only part of a credential ever shown again.</summary>
    public static string Hint(string plain) => plain.Length <= 4 ? plain : plain[^4..];
}
