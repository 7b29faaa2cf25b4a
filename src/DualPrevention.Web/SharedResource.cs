namespace DualPrevention.Web;

/// <summary>Marker for the UI strings in <c>Resources/SharedResource.resx</c> (English) and <c>SharedResource.zh-CN.resx</c>.</summary>
public sealed class SharedResource;
