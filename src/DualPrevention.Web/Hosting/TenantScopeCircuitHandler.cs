using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Gives a Blazor circuit the tenant scope of its user: set when the circuit opens (before any component renders)
/// and again whenever the authentication state changes, so a signed-out circuit falls back to no rows.
/// </summary>
internal sealed class TenantScopeCircuitHandler(AuthenticationStateProvider authentication, TenantScopeAccessor accessor)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
        var state = await authentication.GetAuthenticationStateAsync();
        accessor.Current = PrincipalScope.From(state.User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private void OnAuthenticationStateChanged(Task<AuthenticationState> task) =>
        _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        try
        {
            accessor.Current = PrincipalScope.From((await task).User);
        }
        catch (InvalidOperationException)
        {
            accessor.Current = TenantScope.None;
        }
    }
}
