namespace DualPrevention.Core.Enterprises;

/// <summary>
/// 统一社会信用代码, GB 32100-2015: 18 characters from the 31-character set (digits and capitals without
/// I, O, S, V, Z); the 18th is a check character over the first 17 (GB 32100-2015 §4 and Annex, weights
/// 3^(i-1) mod 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>GB 32100-2015 Table 1: code characters in value order 0–30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 §4: positional weights for characters 1–17.</summary>
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>How a candidate code fails, if it does.</summary>
    public enum Problem
    {
        None = 0,
        WrongLength = 1,
        InvalidCharacter = 2,
        WrongCheckCharacter = 3,
    }

    /// <summary>Checks length, character set and check character; lower-case input is not accepted.</summary>
    public static Problem Check(string? code)
    {
        if (code is null || code.Length != 18)
        {
            return Problem.WrongLength;
        }

        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return Problem.InvalidCharacter;
        }

        return code[17] == CheckCharacter(code.AsSpan(0, 17)) ? Problem.None : Problem.WrongCheckCharacter;
    }

    /// <summary>True when <see cref="Check"/> finds no problem.</summary>
    public static bool IsValid(string? code) => Check(code) == Problem.None;

    /// <summary>The check character for the first 17 characters.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the code alphabet.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
