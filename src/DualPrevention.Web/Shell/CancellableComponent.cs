using Microsoft.AspNetCore.Components;

namespace DualPrevention.Web.Shell;

/// <summary>
/// A page, dialog or component whose loading outlives a render (figures, lists, a preview): the reads it starts take
/// <see cref="UntilLeft"/>, cancelled when the component is disposed (the user navigated elsewhere or closed the tab),
/// so the handler stops and PostgreSQL cancels its command. Work cut short because the page was left is not an error:
/// a load that fails after leaving (cancelled, or its circuit's services already disposed) is neither shown nor
/// logged. Writes the user asked for (save, submit, commit) are not tied to it: they finish, as a posted form would.
/// </summary>
public abstract class CancellableComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _left = new();
    private bool _disposed;

    protected CancellableComponent() => UntilLeft = _left.Token;

    /// <summary>Cancelled when the component is disposed; pass it to every read the component starts.</summary>
    protected CancellationToken UntilLeft { get; }

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        try
        {
            await base.SetParametersAsync(parameters);
        }
        catch (Exception) when (_left.IsCancellationRequested)
        {
            // Left while loading: there is no one to show the figures to, and nothing went wrong.
        }
    }

    /// <summary>Cancels <see cref="UntilLeft"/>; idempotent, so a component that also disposes asynchronously may call it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _left.Cancel();
        _left.Dispose();
        GC.SuppressFinalize(this);
    }
}
