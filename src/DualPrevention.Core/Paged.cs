namespace DualPrevention.Core;

/// <summary>One page of a longer list. <see cref="Page"/> counts from 1.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>Bounds for page requests.</summary>
public static class Paging
{
    /// <summary>Clamps a requested page size to 1…200 (default 20).</summary>
    public static int ClampPageSize(int pageSize) => pageSize <= 0 ? 20 : Math.Min(pageSize, 200);

    /// <summary>Clamps a requested page number to 1…100,000, so that the row offset always fits.</summary>
    public static int ClampPage(int page) => Math.Clamp(page, 1, 100_000);
}
