using DualPrevention.Benchmarks;

// Usage: dotnet run -c Release --project tests/DualPrevention.Benchmarks -- <import | task-generation> [--scale F]
if (args.Length == 0 || args[0] is not ("import" or "task-generation"))
{
    Console.Error.WriteLine("usage: DualPrevention.Benchmarks <import | task-generation> [--scale F]");
    Console.Error.WriteLine("  import           F = fraction of 50,000 measures, default 1");
    Console.Error.WriteLine("  task-generation  F = fraction of 3,000 enterprises × 1,000 manual measures, default 1");
    return 2;
}

var scale = 1.0;
var at = Array.IndexOf(args, "--scale");
if (at >= 0 && (at + 1 >= args.Length || !double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out scale) || scale <= 0))
{
    Console.Error.WriteLine("--scale needs a positive number, e.g. --scale 0.1");
    return 2;
}

if (args[0] == "import")
{
    await ImportBenchmark.RunAsync(scale);
}
else
{
    await TaskGenerationBenchmark.RunAsync(scale);
}

return 0;
