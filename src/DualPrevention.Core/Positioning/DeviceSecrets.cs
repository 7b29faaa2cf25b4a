using System.Security.Cryptography;

namespace DualPrevention.Core.Positioning;

/// <summary>Makes and checks device secrets: 32 random bytes in base64url, stored as a salted PBKDF2-SHA256 hash.</summary>
public static class DeviceSecrets
{
    private const int Iterations = 100_000;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public static bool Matches(string secret, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 2)
        {
            return false;
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, Convert.FromBase64String(parts[0]), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[1]));
    }
}
