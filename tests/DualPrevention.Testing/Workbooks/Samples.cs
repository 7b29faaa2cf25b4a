using DualPrevention.Core.Data;

namespace DualPrevention.Testing.Workbooks;

/// <summary>
/// The sample workbooks of <c>src/DualPrevention.Core/Demo</c> (origins in its README.md), read from the Core
/// assembly where they are embedded for the demo, so the tests import exactly the bytes the demo imports.
/// </summary>
public static class Samples
{
    /// <summary>risk-control-list_sample-plant.xlsx: 4 objects, 10 units, 11 events, 32 measures.</summary>
    public static byte[] RiskControlList() => Read("risk-control-list_sample-plant.xlsx");

    /// <summary>hidden-danger-ledger_flat-export.xlsx: 57 hidden dangers of a real ledger, one of them 重大事故隐患, all 关闭.</summary>
    public static byte[] HiddenDangerLedger() => Read("hidden-danger-ledger_flat-export.xlsx");

    private static byte[] Read(string file)
    {
        var name = $"DualPrevention.Core.Demo.{file}";
        using var resource = typeof(DualPreventionDbContext).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"Embedded resource {name} is missing from DualPrevention.Core.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
