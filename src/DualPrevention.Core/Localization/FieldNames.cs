using FluentValidation;

namespace DualPrevention.Core.Localization;

/// <summary>
/// Makes FluentValidation's built-in messages ("'{PropertyName}' must not be empty") name fields in the user's
/// language: "Field.&lt;Property&gt;" from CoreMessages, else the property's own name.
/// </summary>
public static class FieldNames
{
    /// <summary>Installs the resolver for the whole process; idempotent.</summary>
    public static void Install() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CoreText.Find($"Field.{member.Name}") ?? member.Name;
}
