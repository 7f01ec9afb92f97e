using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Features.Problems;

/// <summary>
/// The one reader of the API's answers in the browser: a value, or the problem as an outcome, by its
/// <see cref="ProblemTypes"/> type (or its status when a proxy answered). No exceptions for 403, no title comparisons.
/// </summary>
public static class ProblemReader
{
    /// <summary>A value or its problem.</summary>
    public static async Task<Outcome<T>> ReadAsync<T>(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            return response.Content.Headers.ContentLength is 0
                ? Outcome.Ok<T>(default!)
                : Outcome.Ok((await response.Content.ReadFromJsonAsync<T>(cancellationToken))!);
        }

        var (kind, problem) = await ProblemOfAsync(response, cancellationToken);
        return kind == OutcomeKind.Invalid
            ? Outcome.Invalid<T>(ErrorsOf(problem))
            : Outcome.Refused<T>(MessageOf(kind, problem, response.StatusCode), kind);
    }

    /// <summary>A write whose answer body does not matter: done, or its problem.</summary>
    public static async Task<Outcome<bool>> ReadDoneAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            return Outcome.Ok(true);
        }

        var (kind, problem) = await ProblemOfAsync(response, cancellationToken);
        return kind == OutcomeKind.Invalid
            ? Outcome.Invalid<bool>(ErrorsOf(problem))
            : Outcome.Refused<bool>(MessageOf(kind, problem, response.StatusCode), kind);
    }

    /// <summary>An entry write: the entry, or its problem (a conflict carries the stored entry).</summary>
    public static async Task<EntrySaveResult> ReadEntryAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if (response.IsSuccessStatusCode)
        {
            var entry = response.Content.Headers.ContentLength is 0 ? null : await response.Content.ReadFromJsonAsync<EntryDto?>(cancellationToken);
            return entry is null ? EntrySaveResult.Completed : EntrySaveResult.Saved(entry);
        }

        var (kind, problem) = await ProblemOfAsync(response, cancellationToken);
        return kind switch
        {
            OutcomeKind.Invalid => EntrySaveResult.Invalid(ErrorsOf(problem)),
            OutcomeKind.Conflict => EntrySaveResult.Conflict(problem?.Current, problem?.Detail ?? "ほかの人が先に保存しました。"),
            OutcomeKind.Refused when problem?.Errors is { Count: > 0 } errors =>
                new EntrySaveResult(OutcomeKind.Refused, null, errors, MessageOf(kind, problem, response.StatusCode)),
            _ => EntrySaveResult.Refused(MessageOf(kind, problem, response.StatusCode), kind),
        };
    }

    private static async Task<(OutcomeKind Kind, Problem? Problem)> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<Problem>(cancellationToken)
            : null;
        return (ProblemTypes.KindOf(problem?.Type, (int)response.StatusCode), problem);
    }

    private static Dictionary<string, string[]> ErrorsOf(Problem? problem) =>
        problem?.Errors ?? new Dictionary<string, string[]> { [""] = [problem?.Detail ?? "入力内容を確認してください。"] };

    private static string MessageOf(OutcomeKind kind, Problem? problem, HttpStatusCode status) => kind switch
    {
        OutcomeKind.SignedOut => "サインインの有効期限が切れました。入力内容を控えてから、ページを再読み込みしてください。",
        OutcomeKind.Forbidden => problem?.Detail ?? "この操作をする権限がありません。",
        OutcomeKind.NotFound => problem?.Detail ?? "見つかりません。",
        _ => problem?.Detail ?? $"実行できませんでした（{(int)status}）。入力内容はそのまま残っています。",
    };

    private sealed record Problem(string? Type, string? Title, string? Detail, Dictionary<string, string[]>? Errors, EntryDto? Current);
}
