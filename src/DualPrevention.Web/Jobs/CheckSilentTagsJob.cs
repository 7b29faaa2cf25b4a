using DualPrevention.Core.Positioning;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="CheckSilentTags"/>: tags gone silent inside a zone and temporary tags not returned
/// (ADR 0040). A retry is harmless: what has its alarm is skipped.
/// </summary>
public sealed class CheckSilentTagsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<CheckSilentTags.Handler>(handler => handler.HandleAsync(cancellationToken));
}
