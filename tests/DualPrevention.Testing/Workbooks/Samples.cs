namespace DualPrevention.Testing.Workbooks;

/// <summary>The shared sample inputs (<c>../shared/samples</c> beside the repository).</summary>
public static class Samples
{
    /// <summary>risk-control-list_sample-plant.xlsx: 4 objects, 10 units, 11 events, 32 measures.</summary>
    public static byte[] RiskControlList() => File.ReadAllBytes(PathOf("risk-control-list_sample-plant.xlsx"));

    /// <summary>hidden-danger-ledger_flat-export.xlsx: 57 hidden dangers of a real ledger, one of them 重大事故隐患, all 关闭.</summary>
    public static byte[] HiddenDangerLedger() => File.ReadAllBytes(PathOf("hidden-danger-ledger_flat-export.xlsx"));

    private static string PathOf(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "..", "shared", "samples", file);
            if (File.Exists(Path.Combine(directory.FullName, "DualPrevention.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{file} not found in ../shared/samples beside the repository.");
    }
}
