using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Features.Problems;

/// <summary>
/// The one reader of the API's answers in the browser: a value, or the problem as an outcome, by its
/// <see cref="ProblemTypes"/> type (or its status when a proxy answered). No exceptions for 403, no title comparisons.
/// </summary>
public static class ProblemReader
{
    /// <summary>A value or its problem: a conflict carries what was stored first, a refusal the items it names.</summary>
    public static async Task<Outcome<T>> ReadAsync<T>(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            return response.Content.Headers.ContentLength is 0 || response.StatusCode == HttpStatusCode.NoContent
                ? Outcome.Ok(typeof(T) == typeof(Done) ? (T)(object)Done.Value : default!)
                : Outcome.Ok((await response.Content.ReadFromJsonAsync<T>(cancellationToken))!);
        }

        var (kind, problem) = await ProblemOfAsync<T>(response, cancellationToken);
        return kind switch
        {
            OutcomeKind.Invalid => Outcome.Invalid(ErrorsOf(problem), problem is null ? default : problem.Current),
            OutcomeKind.Conflict => Outcome.Conflict(problem is null ? default : problem.Current, problem?.Detail ?? "ほかの人が先に保存しました。"),
            _ => Outcome.Refused<T>(MessageOf(kind, problem, response.StatusCode), kind, kind == OutcomeKind.Refused ? problem?.Errors : null),
        };
    }

    private static async Task<(OutcomeKind Kind, Problem<T>? Problem)> ProblemOfAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem<T>>(cancellationToken)
            : null;
        return (ProblemTypes.KindOf(problem?.Type, (int)response.StatusCode), problem);
    }

    private static Dictionary<string, string[]> ErrorsOf<T>(Problem<T>? problem) =>
        problem?.Errors ?? new Dictionary<string, string[]> { [""] = [problem?.Detail ?? "入力内容を確認してください。"] };

    private static string MessageOf<T>(OutcomeKind kind, Problem<T>? problem, HttpStatusCode status) => kind switch
    {
        OutcomeKind.SignedOut => "サインインの有効期限が切れました。入力内容を控えてから、ページを再読み込みしてください。",
        OutcomeKind.Forbidden => problem?.Detail ?? "この操作をする権限がありません。",
        OutcomeKind.NotFound => problem?.Detail ?? "見つかりません。",
        _ => problem?.Detail ?? $"実行できませんでした（{(int)status}）。入力内容はそのまま残っています。",
    };

    private sealed record Problem<T>(string? Type, string? Title, string? Detail, Dictionary<string, string[]>? Errors, T? Current);
}
