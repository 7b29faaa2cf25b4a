namespace DualPrevention.Core.Positioning;

/// <summary>The keys the registry's lists sort by; each list names which it supports and falls back to its first.</summary>
public enum RegistrySort
{
    /// <summary>A tag's serial, a person's or a credential's name.</summary>
    Name = 1,

    /// <summary>When the row was registered, issued or bound.</summary>
    CreatedAt = 2,

    /// <summary>A person's type or a tag's kind.</summary>
    Type = 3,
}
