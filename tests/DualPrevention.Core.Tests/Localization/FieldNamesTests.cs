using System.Globalization;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>Field labels in validation messages come from the validated type's area first, so one property name can mean different things.</summary>
public class FieldNamesTests
{
    [Theory]
    [InlineData("zh-CN", "隐患描述", "管控措施")]
    [InlineData("en", "Hidden-danger description", "Control measure")]
    public void A_description_is_a_hidden_dangers_or_a_control_measures_by_the_area_of_what_is_validated(string culture, string hiddenDanger, string measure)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            FieldNames.Of(typeof(HiddenDangerReport), nameof(HiddenDangerReport.Description)).ShouldBe(hiddenDanger);
            FieldNames.Of(typeof(EditHiddenDangerDraft.Command), nameof(EditHiddenDangerDraft.Command.Description)).ShouldBe(hiddenDanger);
            FieldNames.Of(typeof(ControlMeasureDetails), nameof(ControlMeasureDetails.Description)).ShouldBe(measure);
            FieldNames.Of(typeof(HiddenDangerReport), "NoSuchProperty").ShouldBe("NoSuchProperty");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
