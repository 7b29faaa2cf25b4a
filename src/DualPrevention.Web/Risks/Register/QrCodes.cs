using QRCoder;

namespace DualPrevention.Web.Risks.Register;

/// <summary>QR codes as PNG data URIs, which the Content-Security-Policy allows as images (img-src data:).</summary>
internal static class QrCodes
{
    /// <summary>
    /// A QR code of <paramref name="text"/> at error correction level M (15 % of the code may be soiled or
    /// covered, enough for a card posted outdoors), <paramref name="pixelsPerModule"/> pixels per module.
    /// </summary>
    public static string PngDataUri(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
