using System.Reflection;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// Passwords an attacker tries first (GB/T 22239-2019 level 3, 8.1.4.1: passwords hard to guess): common and leaked
/// passwords and the platform's own words, recognised through the usual disguises, and passwords that contain the
/// user's own name or enterprise short code. The lists and their provenance are in <c>Accounts/DeniedPasswords/</c>.
/// </summary>
public static class DeniedPasswords
{
    // Shorter core words are left to the length and character-class rule: "Ab1!" + anything would match too much.
    private const int ShortestWord = 4;

    private static readonly Lazy<HashSet<string>> Words = new(() =>
        new HashSet<string>(
            ReadList("xato-net-10-million-passwords-1000.txt").Concat(ReadList("platform-words.txt"))
                .Select(CoreWord).Where(w => w.Length >= ShortestWord),
            StringComparer.Ordinal));

    /// <summary>True when the password, stripped of its disguises, is a common or leaked password or a platform word.</summary>
    public static bool IsCommon(string password)
    {
        var core = CoreWord(password);
        return core.Length >= ShortestWord && Words.Value.Contains(core);
    }

    /// <summary>True when the password contains one of <paramref name="ownWords"/> (3 characters or longer), any case.</summary>
    public static bool ContainsAny(string password, params string?[] ownWords) =>
        ownWords.Any(w => w is { Length: >= 3 } && password.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Lower-cased, leading and trailing digits and symbols removed ("Demo@2026" → "demo"), then the usual
    /// substitutions undone ("p@ssw0rd" → "password").
    /// </summary>
    public static string CoreWord(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        return string.Concat(lower[start..end].Select(Undisguised));
    }

    private static char Undisguised(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => c,
    };

    private static List<string> ReadList(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DualPrevention.Core.Accounts.DeniedPasswords.{file}")
            ?? throw new InvalidOperationException($"The embedded password list {file} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }
}
