using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Problems;

/// <summary>
/// The one mapping from outcomes to HTTP: status, a <see cref="ProblemTypes"/> <c>type</c> the client reads back,
/// and a title and detail for people. Titles are never compared by code.
/// </summary>
public static class ProblemResults
{
    /// <summary>Any operation: the value, or its problem (a conflict carries what was stored first as <c>current</c>).</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToHttp<T>(Outcome<T> result) => result.Kind switch
    {
        OutcomeKind.Saved => TypedResults.Ok(result.Value),
        OutcomeKind.Invalid => result.Value is null ? Invalid(result.Errors) : TypedResults.ValidationProblem(result.Errors, title: Wording.Pick("入力内容を確認してください", "Please check what was entered"),
            type: ProblemTypes.Invalid, extensions: new Dictionary<string, object?> { ["current"] = result.Value }),
        OutcomeKind.Conflict => Answer(Wording.Pick("ほかの人が先に保存しました", "Someone else saved first"), result.Message, StatusCodes.Status409Conflict, ProblemTypes.Conflict,
            new Dictionary<string, object?> { ["current"] = result.Value }),
        _ => Problem(result.Kind, result.Message, result.Errors),
    };

    /// <summary>An operation with nothing to return: 204, or its problem.</summary>
    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToHttp(Outcome<Done> result) => result.Kind switch
    {
        OutcomeKind.Saved => TypedResults.NoContent(),
        OutcomeKind.Invalid => Invalid(result.Errors),
        _ => Problem(result.Kind, result.Message, result.Errors),
    };

    /// <summary>A read: the value, or 404 with a message for people when there is none.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, string notFound) => value is null
        ? Problem(OutcomeKind.NotFound, notFound)
        : TypedResults.Ok(value);

    /// <summary>Field errors.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: Wording.Pick("入力内容を確認してください", "Please check what was entered"), type: ProblemTypes.Invalid);

    /// <summary>One message that is not about a field (an expired page, a bad return address): 400.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>No valid credentials (an API token that is malformed, unknown, expired or revoked): 401 with the reason.</summary>
    public static ProblemHttpResult Unauthorized(string detail) => Answer(Wording.Pick("認証できません", "Not signed in"), detail, StatusCodes.Status401Unauthorized, null);

    /// <summary>A refusal, not found or forbidden.</summary>
    public static ProblemHttpResult Problem(OutcomeKind kind, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) => kind switch
    {
        OutcomeKind.NotFound => Answer(Wording.Pick("見つかりません", "Not found"), detail, StatusCodes.Status404NotFound, ProblemTypes.NotFound),
        OutcomeKind.Forbidden => Answer(Wording.Pick("権限がありません", "Not allowed"),
            string.IsNullOrEmpty(detail) ? Wording.Pick("この操作をする権限がありません。", "You may not do this.") : detail,
            StatusCodes.Status403Forbidden, ProblemTypes.Forbidden),
        _ => Answer(Wording.Pick("実行できません", "Cannot be done"), detail, StatusCodes.Status409Conflict, ProblemTypes.Refused,
            errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null),
    };

    /// <summary>The one place a problem answer is made.</summary>
    private static ProblemHttpResult Answer(string title, string? detail, int status, string? type, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status, type: type, extensions: extensions);
}
