using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Dashboards;

/// <summary>
/// 200 with a cached view's JSON, serialized once per data version (<see cref="CachedView{T}"/>); described to the
/// endpoint metadata as <see cref="Microsoft.AspNetCore.Http.HttpResults.Ok{TValue}"/> of <typeparamref name="T"/> is.
/// </summary>
public sealed class CachedJson<T>(CachedView<T> view) : IResult, IEndpointMetadataProvider
    where T : class
{
    public T Value => view.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = view.Json(options);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = json.Length;
        return httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider's member is static by design.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
