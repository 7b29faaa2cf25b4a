using DualPrevention.Core.Reports.Exports;
using DualPrevention.Testing;

namespace DualPrevention.E2ETests.HiddenDangers;

/// <summary>The browser fixture with demo-qd2's ledger one row over what a file made at once may hold (ADR 0035).</summary>
public sealed class LargeLedgerBrowserFixture : BrowserFixture
{
    public const int Rows = ExportHiddenDangerLedger.MaxRows + 1;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await HiddenDangerSeed.FillLedgerAsync(this, Qd2, Rows);
    }
}
