namespace DualPrevention.Core.Reports.Exports;

/// <summary>The file formats a compliance report is exported to.</summary>
public enum ReportFormat
{
    Xlsx = 0,
    Csv = 1,
    Pdf = 2,
}

/// <summary>What a background export writes.</summary>
public enum ReportExportKind
{
    /// <summary>The compliance report of a region or enterprise for a period (ADR 0009).</summary>
    ComplianceReport = 0,

    /// <summary>The hidden-danger ledger with the ledger page's filters, over the synchronous limit (ADR 0035).</summary>
    HiddenDangerLedger = 1,
}

/// <summary>Where a background export stands.</summary>
public enum ReportExportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>
/// One file made in the background — a compliance report or a large hidden-danger ledger (<see cref="Kind"/>) — (a user's request, or the monthly archive of ADR 0009): its
/// progress while running and the stored file when done. Belongs to the region it reports on (and to the enterprise
/// for an enterprise's own report), so tenancy applies as to every row: a city sees its own and its counties'
/// exports, never another city's or the province's. The monthly archive is unique per (region, period, format).
/// </summary>
public sealed class ReportExport
{
    private ReportExport()
    {
    }

    public Guid Id { get; private set; }

    public ReportExportKind Kind { get; private set; }

    /// <summary>
    /// A ledger export's filters (<see cref="HiddenDangers.ListHiddenDangers.Query"/> as JSON, a <c>jsonb</c> column); null
    /// for a compliance report.
    /// </summary>
    public string? LedgerQuery { get; private set; }

    /// <summary>Set for an enterprise's own report; null for a region's.</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>Six-digit code of the region reported on (the enterprise's county for an enterprise report).</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary><see cref="ReportPeriod.Code"/>: 2026-11, 2026-Q4 or 2026; empty for a ledger export.</summary>
    public string PeriodCode { get; private set; } = "";

    public ReportFormat Format { get; private set; }

    public ReportExportStatus Status { get; private set; }

    /// <summary>Rows written so far (enterprises and totals).</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Rows the report will have, known once the report's figures are computed.</summary>
    public int? RowsTotal { get; private set; }

    /// <summary>Download name, e.g. 双重预防机制运行情况报表_青岛市_2026-11.xlsx.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Name of the stored file inside the report directory (the id and extension); null until completed.</summary>
    public string? StoredName { get; private set; }

    /// <summary>Bytes of the stored file.</summary>
    public long? SizeBytes { get; private set; }

    public Guid? RequestedByUserId { get; private set; }

    /// <summary>Display name of the requester, or "system" for the monthly archive.</summary>
    public string RequestedByName { get; private set; } = "";

    /// <summary>Made by the monthly job on the 1st (Asia/Shanghai) rather than by a person.</summary>
    public bool IsMonthlyArchive { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC; set when completed or failed.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Why the export failed, for the requester.</summary>
    public string? Error { get; private set; }

    public static ReportExport Request(
        Guid? enterpriseId, string regionCode, ReportPeriod period, ReportFormat format, string fileName, Guid? userId, string userName,
        bool isMonthlyArchive, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            PeriodCode = period.Code,
            Format = format,
            Status = ReportExportStatus.Queued,
            FileName = fileName,
            RequestedByUserId = userId,
            RequestedByName = userName,
            IsMonthlyArchive = isMonthlyArchive,
            CreatedAt = now,
        };

    /// <summary>A ledger export of <paramref name="rowsTotal"/> rows (counted when requested) with its filters as JSON.</summary>
    public static ReportExport RequestLedger(
        Guid? enterpriseId, string regionCode, string ledgerQuery, ReportFormat format, string fileName, int rowsTotal, Guid? userId, string userName,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = ReportExportKind.HiddenDangerLedger,
            LedgerQuery = ledgerQuery,
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Format = format,
            Status = ReportExportStatus.Queued,
            FileName = fileName,
            RowsTotal = rowsTotal,
            RequestedByUserId = userId,
            RequestedByName = userName,
            CreatedAt = now,
        };

    public void Start(int rowsTotal)
    {
        Status = ReportExportStatus.Running;
        RowsTotal = rowsTotal;
        RowsWritten = 0;
        Error = null;
    }

    public void Progress(int rowsWritten) => RowsWritten = rowsWritten;

    public void Complete(string storedName, long sizeBytes, DateTimeOffset now)
    {
        Status = ReportExportStatus.Completed;
        StoredName = storedName;
        SizeBytes = sizeBytes;
        RowsWritten = RowsTotal ?? RowsWritten;
        CompletedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = ReportExportStatus.Failed;
        Error = error;
        CompletedAt = now;
    }
}
