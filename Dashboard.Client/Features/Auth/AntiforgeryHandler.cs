using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Client.Features.Auth;

/// <summary>
/// Adds the antiforgery token the server prerendered into the page to every request that changes something; the
/// server refuses such requests without it (a cross-site form or script cannot read or send it).
/// </summary>
public sealed class AntiforgeryHandler(AntiforgeryStateProvider antiforgery) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && antiforgery.GetAntiforgeryToken() is { } token)
        {
            request.Headers.TryAddWithoutValidation(RequestForgery.HeaderName, token.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
