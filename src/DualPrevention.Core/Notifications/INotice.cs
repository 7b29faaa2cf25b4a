using System.Globalization;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// One kind of notification, as a record of its typed arguments (ADR 0018). A notification stores the kind's
/// <see cref="Key"/> and the record as JSON, never text: each reader renders it in their own language when they read
/// it (the inbox and the API in the request's culture, outbound channels in the recipient's preferred culture).
/// A new kind is a new record implementing this interface anywhere in Core, with its texts in its area's
/// <c>Messages.resx</c> and <c>Messages.zh-CN.resx</c>; <see cref="Notices"/> finds it by itself.
/// </summary>
public interface INotice
{
    /// <summary>
    /// The stored name of the kind, which is also the prefix of its texts (<c>HiddenDangerNotice.Reported</c> reads
    /// <c>HiddenDangerNotice.Reported.Title</c>). Rows hold it: renaming it needs a migration of those rows.
    /// </summary>
    static abstract string Key { get; }

    /// <summary>The title and body in <paramref name="culture"/>.</summary>
    NoticeText Render(CultureInfo culture);
}

/// <summary>A notification as one reader reads it.</summary>
public sealed record NoticeText(string Title, string Body);
