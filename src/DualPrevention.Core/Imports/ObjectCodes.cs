using System.Security.Cryptography;
using System.Text;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Codes for objects of a list that has no code column: "G-" and 10 hex digits of the name's SHA-256, so the same
/// name gets the same code on every import (the code is the object's natural key, ADR 0006), and never all digits
/// (which would read as a registered major hazard source, <see cref="ObjectTypeRule"/>).
/// </summary>
public static class ObjectCodes
{
    public static string FromName(string name) =>
        "G-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..10];
}
