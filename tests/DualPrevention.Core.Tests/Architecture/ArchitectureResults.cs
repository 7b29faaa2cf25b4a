using NetArchTest.Rules;

namespace DualPrevention.Core.Tests.Architecture;

internal static class ArchitectureResults
{
    /// <summary>Fails naming the types that broke the rule.</summary>
    public static void ShouldPass(this TestResult result, string? rule = null) =>
        result.IsSuccessful.ShouldBeTrue($"{rule}; broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
