using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dashboard.Client.Features.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Server.Features.Dashboards;

/// <summary>
/// Server-rendered dashboard parts kept as HTML per cached view (issue 22, decision 017). The overview's tables are
/// the same for everyone who may open the overview: they come from one cached <c>OverviewDto</c>, the filters and the
/// language. Rendering them is most of the page's cost (a few hundred components), so they are rendered once per view,
/// filter and language, and the HTML travels with the view object: when the data changes, a new view object comes
/// and the old HTML goes with the old object (a <see cref="ConditionalWeakTable{TKey,TValue}"/>, no expiry of its own).
/// </summary>
public sealed class RenderedFragments(ILoggerFactory loggers) : IRenderedFragments
{
    /// <summary>Filter and language combinations kept per view; beyond that a part is rendered each time.</summary>
    internal const int PerSource = 64;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, MarkupString>> _html = [];

    public async Task<MarkupString> RenderAsync(object source, string key, RenderFragment fragment, IServiceProvider services)
    {
        var kept = _html.GetValue(source, _ => new ConcurrentDictionary<string, MarkupString>(StringComparer.Ordinal));
        var full = string.Join('|', CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, key);
        if (kept.TryGetValue(full, out var html))
        {
            return html;
        }

        // The request's own services: the content's components get what they would have got on the page.
        await using var renderer = new HtmlRenderer(services, loggers);
        html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FragmentHost>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(FragmentHost.Content)] = fragment,
            }));
            return new MarkupString(output.ToHtmlString());
        });
        if (kept.Count < PerSource)
        {
            kept.TryAdd(full, html);
        }

        return html;
    }

    /// <summary>Renders a fragment as a component of its own.</summary>
    private sealed class FragmentHost : ComponentBase
    {
        [Parameter]
        public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
