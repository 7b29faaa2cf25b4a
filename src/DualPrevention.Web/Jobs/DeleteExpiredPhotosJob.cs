using DualPrevention.Core.Photos;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="DeleteExpiredPhotos"/>: removes uploads never attached within their retention. A retry
/// is harmless: what is gone is not found again.
/// </summary>
public sealed class DeleteExpiredPhotosJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<DeleteExpiredPhotos.Handler>(handler => handler.HandleAsync(cancellationToken));
}
