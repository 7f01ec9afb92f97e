using Microsoft.JSInterop;

namespace Dashboard.Client.Interop;

/// <summary>
/// A colocated ES module, imported on first use and released with the component that owns it. A page that is going
/// away (the browser disconnected) is not an error when the module is released.
/// </summary>
public sealed class JsModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async ValueTask InvokeVoidAsync(string identifier, params object?[] args)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", path);
        await _module.InvokeVoidAsync(identifier, args);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // the page is gone, and the module with it
        }
    }
}
