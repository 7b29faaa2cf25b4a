using FluentValidation;

namespace DualPrevention.Core.Localization;

/// <summary>
/// Makes FluentValidation's built-in messages ("'{PropertyName}' must not be empty") name fields in the user's
/// language: "Field.&lt;Area&gt;.&lt;Property&gt;" from the area's Messages.resx, where the area is the feature folder of the validated
/// type (HiddenDangers, Risks …, its sub-areas such as Risks/Register included), else "Field.&lt;Property&gt;", else the
/// property's own name. The area comes first because areas use the same property names for different things: a
/// control measure's Description is its 管控措施, a hidden danger's its 隐患描述.
/// </summary>
public static class FieldNames
{
    /// <summary>Installs the resolver for the whole process; idempotent.</summary>
    public static void Install() =>
        ValidatorOptions.Global.DisplayNameResolver = (type, member, _) => member is null ? null : Of(type, member.Name);

    /// <summary>The label of <paramref name="property"/> as validated on <paramref name="type"/>, in the current UI culture.</summary>
    public static string Of(Type type, string property) =>
        (Area(type) is { } area ? CoreText.Find($"Field.{area}.{property}") : null)
        ?? CoreText.Find($"Field.{property}")
        ?? property;

    /// <summary>The namespace segment after DualPrevention.Core or DualPrevention.Web: Risks for DualPrevention.Core.Risks.Register.</summary>
    private static string? Area(Type type) => type.Namespace?.Split('.') is [_, _, var area, ..] ? area : null;
}
