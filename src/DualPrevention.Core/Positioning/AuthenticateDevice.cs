using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Checks the user name and secret a device presents to the HTTP batch endpoint (ADR 0036): the credential must exist
/// and not be revoked, and the secret must match its hash. The enterprise comes from the credential only. Runs in the
/// system scope (the caller is nobody's user yet); the credential is read on every call, so a revocation counts at once.
/// </summary>
public static class AuthenticateDevice
{
    /// <summary>The device a request comes from.</summary>
    public sealed record Device(Guid CredentialId, Guid EnterpriseId, string Username);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ITenantScopeAccessor scope, VerifiedDeviceSecrets verified)
    {
        /// <summary>The device, or null when the name is unknown or revoked or the secret is wrong.</summary>
        /// <exception cref="InvalidOperationException">Not in the system scope.</exception>
        public async Task<Device?> HandleAsync(string username, string secret, CancellationToken cancellationToken)
        {
            if (scope.Current.Kind != TenantScopeKind.System)
            {
                throw new InvalidOperationException("A device is authenticated in the system scope: it belongs to no user's tenant yet.");
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var credential = await db.Set<DeviceCredential>().AsNoTracking()
                .Where(c => c.Username == username && c.RevokedAt == null)
                .Select(c => new { c.Id, c.EnterpriseId, c.SecretHash })
                .SingleOrDefaultAsync(cancellationToken);
            return credential is not null && verified.Matches(secret, credential.SecretHash)
                ? new Device(credential.Id, credential.EnterpriseId, username)
                : null;
        }
    }
}

/// <summary>
/// Remembers which secrets matched which stored hashes, so that a device posting every second does not pay the
/// 100,000 PBKDF2 rounds of <see cref="DeviceSecrets"/> each time. Only matches are remembered, by a SHA-256 of the
/// secret; a revoked credential is refused before this is asked.
/// </summary>
public sealed class VerifiedDeviceSecrets
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, bool> _matched = new(StringComparer.Ordinal);

    public bool Matches(string secret, string storedHash)
    {
        var key = storedHash + "|" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (_matched.ContainsKey(key))
        {
            return true;
        }

        if (!DeviceSecrets.Matches(secret, storedHash))
        {
            return false;
        }

        if (_matched.Count >= MaxRemembered)
        {
            _matched.Clear();
        }

        _matched[key] = true;
        return true;
    }
}
