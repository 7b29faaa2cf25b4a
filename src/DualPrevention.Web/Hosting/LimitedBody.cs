namespace DualPrevention.Web.Hosting;

/// <summary>Reads a device's request body (or an uploaded file) up to a limit, for the intake endpoints of fixes and video alarms.</summary>
internal static class LimitedBody
{
    /// <summary>The body's bytes (or a multipart file's), or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
