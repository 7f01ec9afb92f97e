using Dashboard.Shared.Entries;
using Dashboard.Shared.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Problems;

/// <summary>
/// The one mapping from outcomes to HTTP: status, a <see cref="ProblemTypes"/> <c>type</c> the client reads back,
/// and a title and detail for people. Titles are never compared by code.
/// </summary>
public static class ProblemResults
{
    /// <summary>An entry write: the entry, or its problem.</summary>
    public static Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult> ToHttp(EntrySaveResult result) => result.Outcome switch
    {
        OutcomeKind.Saved => TypedResults.Ok(result.Entry),
        OutcomeKind.Invalid => Invalid(result.Errors),
        OutcomeKind.Conflict => TypedResults.Problem(title: "ほかの人が先に保存しました", detail: result.Message, statusCode: StatusCodes.Status409Conflict,
            type: ProblemTypes.Conflict, extensions: new Dictionary<string, object?> { ["current"] = result.Entry }),
        _ => Problem(result.Outcome, result.Message, result.Errors),
    };

    /// <summary>Any other operation: the value, or its problem.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToHttp<T>(Outcome<T> result) => result.Kind switch
    {
        OutcomeKind.Saved => TypedResults.Ok(result.Value),
        OutcomeKind.Invalid => Invalid(result.Errors),
        _ => Problem(result.Kind, result.Message, result.Errors),
    };

    /// <summary>Field errors.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "入力内容を確認してください", type: ProblemTypes.Invalid);

    /// <summary>A refusal, not found or forbidden.</summary>
    public static ProblemHttpResult Problem(OutcomeKind kind, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) => kind switch
    {
        OutcomeKind.NotFound => TypedResults.Problem(title: "見つかりません", detail: detail, statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound),
        OutcomeKind.Forbidden => TypedResults.Problem(title: "権限がありません", detail: string.IsNullOrEmpty(detail) ? "この操作をする権限がありません。" : detail,
            statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden),
        _ => TypedResults.Problem(title: "実行できません", detail: detail, statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Refused,
            extensions: errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null),
    };
}
