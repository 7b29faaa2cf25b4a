using DualPrevention.Benchmarks;

// Usage: dotnet run -c Release --project tests/DualPrevention.Benchmarks -- <import | task-generation | escalation | province-report | dashboards | page-weight | submission-load | circuits | ledger-export | track-replay | positioning-ingest | monitoring-ingest | video-intake | permit-conflicts | permit-dashboard> [--scale F] [--pairs N] [--connections N] [--shared-windows] [--page PATH]
if (args.Length == 0 || args[0] is not ("import" or "task-generation" or "escalation" or "province-report" or "dashboards" or "page-weight" or "submission-load" or "circuits" or "ledger-export" or "track-replay" or "positioning-ingest" or "monitoring-ingest" or "video-intake" or "permit-conflicts" or "permit-dashboard"))
{
    Console.Error.WriteLine("usage: DualPrevention.Benchmarks <import | task-generation | escalation | province-report | dashboards | page-weight | submission-load | circuits | ledger-export | track-replay | positioning-ingest | monitoring-ingest | video-intake | permit-conflicts | permit-dashboard> [--scale F] [--pairs N] [--connections N] [--shared-windows] [--page PATH]");
    Console.Error.WriteLine("  import           F = fraction of 50,000 measures, default 1");
    Console.Error.WriteLine("  task-generation  F = fraction of 3,000 enterprises × 1,000 manual measures, default 1; N = product/floor pairs timed, default 1");
    Console.Error.WriteLine("  escalation       F = fraction of 5,000,000 inspection windows and 500,000 hidden dangers (3,000 enterprises), default 1");
    Console.Error.WriteLine("  province-report  the same province; the month's compliance report of all enterprises as .xlsx");
    Console.Error.WriteLine("  dashboards       the same province; every city's dashboard for a month, quarter and year");
    Console.Error.WriteLine("  page-weight      bytes a phone downloads for the login page and /inspect, first and repeat visit (no scale)");
    Console.Error.WriteLine("  submission-load  F = fraction of 1,000 inspectors submitting a check and reading their task list at once, each on a window of their own (--shared-windows: on demo-qd1's started windows); N = requests in flight, default 100");
    Console.Error.WriteLine("  ledger-export    F = fraction of 100,000 hidden dangers of one enterprise, exported in the background as .xlsx and .pdf");
    Console.Error.WriteLine("  positioning-ingest F = fraction of 1,000,000 fixes in messages of 100 and 20,000 single-fix messages through mosquitto into the published app (DP_BENCH_MQTT_PORT, default 1983)");
    Console.Error.WriteLine("  monitoring-ingest F = fraction of 60,000 points, ten readings each in messages of 100 through mosquitto into the published app, then the reading-to-alarm probe under 6,000 readings/s");
    Console.Error.WriteLine("  video-intake     F = fraction of 20,000 video alarms with 100 KB snapshots through mosquitto into the published app (DP_BENCH_MQTT_PORT, default 1983)");
    Console.Error.WriteLine("  track-replay     one tag's day of 1 s fixes (86,400) read back in order beside F × 20 other tags' days, default 1");
    Console.Error.WriteLine("  permit-conflicts the approval-time exclusion check of a hot work permit against F × 500 issued permits of one plant (beside F × 100,000 closed ones)");
    Console.Error.WriteLine("  permit-dashboard the province's permit supervision view over F × 1,000,000 permits of this year (3,000 × F enterprises)");
    Console.Error.WriteLine("  circuits         F = fraction of 200 pages kept open in headless Chromium (PATH, default /dashboard/city); memory of the app per page");
    return 2;
}

var scale = 1.0;
var at = Array.IndexOf(args, "--scale");
if (at >= 0 && (at + 1 >= args.Length || !double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out scale) || scale <= 0))
{
    Console.Error.WriteLine("--scale needs a positive number, e.g. --scale 0.1");
    return 2;
}

var pairs = 1;
at = Array.IndexOf(args, "--pairs");
if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out pairs) || pairs < 1))
{
    Console.Error.WriteLine("--pairs needs a positive whole number, e.g. --pairs 3");
    return 2;
}

var connections = 100;
at = Array.IndexOf(args, "--connections");
if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out connections) || connections < 1))
{
    Console.Error.WriteLine("--connections needs a positive whole number, e.g. --connections 100");
    return 2;
}

at = Array.IndexOf(args, "--page");
var page = at >= 0 && at + 1 < args.Length ? args[at + 1] : "/dashboard/city";
if (!page.StartsWith('/'))
{
    Console.Error.WriteLine("--page needs a path of the app, e.g. --page /supervision/city");
    return 2;
}

switch (args[0])
{
    case "import":
        await ImportBenchmark.RunAsync(scale);
        break;
    case "task-generation":
        await TaskGenerationBenchmark.RunAsync(scale, pairs);
        break;
    case "dashboards":
        await DashboardBenchmark.RunAsync(scale);
        break;
    case "province-report":
        await ProvinceReportBenchmark.RunAsync(scale);
        break;
    case "submission-load":
        await SubmissionLoadBenchmark.RunAsync((int)Math.Ceiling(1000 * scale), connections, args.Contains("--shared-windows"));
        break;
    case "circuits":
        await CircuitsBenchmark.RunAsync((int)Math.Ceiling(200 * scale), page);
        break;
    case "ledger-export":
        await LedgerExportBenchmark.RunAsync(scale);
        break;
    case "positioning-ingest":
        await PositioningIngestBenchmark.RunAsync(scale);
        break;
    case "video-intake":
        await VideoIntakeBenchmark.RunAsync(scale);
        break;
    case "track-replay":
        await TrackReplayBenchmark.RunAsync(scale);
        break;
    case "monitoring-ingest":
        await MonitoringIngestBenchmark.RunAsync(scale);
        break;
    case "permit-conflicts":
        await PermitBenchmarks.RunConflictsAsync(scale);
        break;
    case "permit-dashboard":
        await PermitBenchmarks.RunDashboardAsync(scale);
        break;
    case "page-weight":
        return await PageWeightBenchmark.RunAsync();
    default:
        await EscalationBenchmark.RunAsync(scale);
        break;
}

return 0;
