using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Server.Components;

/// <summary>
/// How the signed-in pages become interactive (decision record 011). <c>Server</c> (the default): a circuit on the
/// server, ready within a few hundred milliseconds on the first visit; it needs sticky sessions when several instances
/// run behind a load balancer. <c>WebAssembly</c>: no server state, no stickiness, but seconds of start-up on each
/// visit. <c>Auto</c>: the server first, WebAssembly once it is cached; it needs sticky sessions too.
/// </summary>
public sealed class InteractivityOptions
{
    public const string Section = "Interactivity";

    public string RenderMode { get; set; } = "Server";

    /// <summary>Whether <see cref="RenderMode"/> names a mode (checked at start-up).</summary>
    public bool IsKnown => RenderMode is "Server" or "Auto" or "WebAssembly";

    public IComponentRenderMode Mode => RenderMode switch
    {
        "WebAssembly" => RenderModes.WebAssembly,
        "Auto" => RenderModes.Auto,
        "Server" => RenderModes.Server,
        _ => throw new InvalidOperationException($"Interactivity:RenderMode must be Server, Auto or WebAssembly, not '{RenderMode}'."),
    };

    private static class RenderModes
    {
        public static readonly IComponentRenderMode Server = new InteractiveServerRenderMode(prerender: true);
        public static readonly IComponentRenderMode WebAssembly = new InteractiveWebAssemblyRenderMode(prerender: true);
        public static readonly IComponentRenderMode Auto = new InteractiveAutoRenderMode(prerender: true);
    }
}
