namespace DualPrevention.Core.Imports;

/// <summary>The problems of one import run, counted in full and listed up to <see cref="ImportLimits.MaxListedProblems"/>.</summary>
internal sealed class ImportProblemLog
{
    private readonly List<ImportProblem> _problems = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Add(ImportProblem problem)
    {
        _problems.Add(problem);
        if (problem.Severity == ImportSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
    }

    /// <summary>Errors first, then warnings, each in workbook order.</summary>
    public IReadOnlyList<ImportProblem> Listed() =>
        _problems.OrderBy(p => p.Severity).Take(ImportLimits.MaxListedProblems).ToList();
}
