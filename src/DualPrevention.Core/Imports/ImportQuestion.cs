using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// A value a sheet lacks for all its rows, asked once in the preview instead of refusing the sheet: the 管控层级,
/// 排查周期 or 责任部门 column is absent, or some measures' class cannot be told from their wording. The answer
/// (<see cref="ImportAnswer"/>) is read as if every such row held it in the missing cell.
/// </summary>
/// <param name="Field">The field asked for: Classify2, ControlLevel, CycleValue or ResponsibleDepartment.</param>
/// <param name="Rows">Rows that need the answer.</param>
/// <param name="Required">True when the import cannot be committed without an answer.</param>
/// <param name="Answer">The answer given with this run, or null.</param>
public sealed record ImportQuestion(string Sheet, RegisterColumn Field, int Rows, bool Required, string? Answer);

/// <summary>An answer to an <see cref="ImportQuestion"/>: a word as a cell would hold it ("班组级", "1天", "3-1", "储运车间").</summary>
public sealed record ImportAnswer(string Sheet, RegisterColumn Field, string Value);

/// <summary>The questions of one run, counted while the rows are read.</summary>
internal sealed class ImportQuestions(IReadOnlyList<ImportAnswer> answers)
{
    /// <summary>The fields a sheet may lack and have set for all its rows.</summary>
    public static readonly RegisterColumn[] Askable =
        [RegisterColumn.Classify2, RegisterColumn.ControlLevel, RegisterColumn.CycleValue, RegisterColumn.ResponsibleDepartment];

    private readonly Dictionary<(string Sheet, RegisterColumn Field), int> _rows = [];

    /// <summary>The answer for <paramref name="field"/> on <paramref name="sheet"/>, or null.</summary>
    public string? AnswerOf(string sheet, RegisterColumn field) =>
        answers.LastOrDefault(a => a.Sheet == sheet && a.Field == field && !string.IsNullOrWhiteSpace(a.Value))?.Value.Trim();

    /// <summary>Counts a row of <paramref name="sheet"/> that needs <paramref name="field"/> from the user.</summary>
    public void Ask(string sheet, RegisterColumn field) => _rows[(sheet, field)] = _rows.GetValueOrDefault((sheet, field)) + 1;

    /// <summary>Every question asked, in sheet order then field order.</summary>
    public IReadOnlyList<ImportQuestion> List() =>
        [.. _rows.Select(q => new ImportQuestion(q.Key.Sheet, q.Key.Field, q.Value, q.Key.Field != RegisterColumn.ResponsibleDepartment, AnswerOf(q.Key.Sheet, q.Key.Field)))
            .OrderBy(q => q.Sheet, StringComparer.Ordinal).ThenBy(q => Array.IndexOf(Askable, q.Field))];

    /// <summary>True when a required question has no answer.</summary>
    public bool Unanswered => List().Any(q => q.Required && q.Answer is null);
}
