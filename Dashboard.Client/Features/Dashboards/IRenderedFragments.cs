using Microsoft.AspNetCore.Components;

namespace Dashboard.Client.Features.Dashboards;

/// <summary>
/// The HTML of a part of a page that is the same for everyone who may see it (issue 22), rendered once per source
/// object (a cached dashboard view) and key (the filters), and sent as it is to the next person. Only the server
/// provides it; without it <see cref="SameForEveryone"/> renders its content as usual.
/// </summary>
public interface IRenderedFragments
{
    /// <summary>
    /// The HTML of <paramref name="fragment"/> for <paramref name="source"/> and <paramref name="key"/> in the current
    /// language, rendered on the first call. The fragment must depend only on the source, the key and the language.
    /// </summary>
    Task<MarkupString> RenderAsync(object source, string key, RenderFragment fragment, IServiceProvider services);
}
