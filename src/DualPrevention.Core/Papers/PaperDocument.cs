namespace DualPrevention.Core.Papers;

/// <summary>
/// A printed form (通知书, 验收单): a title, a caption line, label–value rows, a closing note, lines to sign and photos.
/// Values are shown as given and wrap; an empty value prints as a blank cell to fill in by hand.
/// </summary>
public sealed record PaperDocument(
    string Title,
    string Caption,
    IReadOnlyList<PaperField> Fields,
    string? Note,
    IReadOnlyList<PaperSignature> Signatures,
    IReadOnlyList<PaperPhoto> Photos,
    DateTimeOffset PrintedAt,
    string PrintedBy);

public sealed record PaperField(string Label, string? Value);

/// <summary>A line to sign: the name printed when known, the date too, else blanks for the pen.</summary>
public sealed record PaperSignature(string Label, string? Name, string? Date);

/// <summary>An embedded photo (JPEG or PNG bytes) under its caption (整改前, 整改后).</summary>
public sealed record PaperPhoto(string Caption, byte[] Content);
