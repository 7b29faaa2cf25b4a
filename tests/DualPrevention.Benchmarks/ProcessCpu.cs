using System.Globalization;

namespace DualPrevention.Benchmarks;

/// <summary>
/// CPU time spent by processes, from <c>/proc/PID/stat</c> (user + system, every thread): which server a timed phase
/// keeps busy. A process and its children are counted together (PostgreSQL's postmaster and its backends); a child
/// that ends within the phase takes its time along. Zero where /proc does not exist.
/// </summary>
internal sealed class ProcessCpu(string name, int processId, bool withChildren)
{
    private static readonly double TicksPerSecond = 100;

    public string Name { get; } = name;

    /// <summary>The PostgreSQL cluster whose data directory holds <paramref name="dataDirectory"/>/postmaster.pid.</summary>
    public static ProcessCpu? Postgres(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
            ? new ProcessCpu("postgres", int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture), withChildren: true)
            : null;

    /// <summary>The process whose id is the first line of <paramref name="pidFile"/>.</summary>
    public static ProcessCpu? FromPidFile(string name, string pidFile) =>
        File.Exists(pidFile) ? new ProcessCpu(name, int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture), withChildren: false) : null;

    /// <summary>Seconds of CPU so far.</summary>
    public double Seconds()
    {
        var ticks = Ticks(processId);
        if (withChildren && Directory.Exists("/proc"))
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat && stat.ParentId == processId)
                {
                    ticks += stat.Ticks;
                }
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>Each process's CPU seconds spent while <paramref name="phase"/> ran, as one line.</summary>
    public static async Task<string> DuringAsync(IReadOnlyList<ProcessCpu> processes, Func<Task> phase)
    {
        var before = processes.Select(p => p.Seconds()).ToList();
        await phase();
        return string.Join(' ', processes.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Seconds() - before[i]:F1}")));
    }

    private static long Ticks(int pid) => Stat(pid)?.Ticks ?? 0;

    private static (int ParentId, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the command name in parentheses: state ppid … utime(14) stime(15), counted from 1.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
