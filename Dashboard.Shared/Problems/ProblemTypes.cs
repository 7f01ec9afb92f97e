namespace Dashboard.Shared.Problems;

/// <summary>How an operation ended: the one outcome vocabulary of every write, on the server and in the pages.</summary>
public enum OutcomeKind
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>Field errors.</summary>
    Invalid,

    /// <summary>Stale version.</summary>
    Conflict,

    /// <summary>Closed quarter, locked entry, or a rule refuses it as a whole.</summary>
    Refused,

    /// <summary>No such KPI or quarter.</summary>
    NotFound,

    /// <summary>Not the person's to do or see.</summary>
    Forbidden,

    /// <summary>The sign-in has expired.</summary>
    SignedOut,
}

/// <summary>
/// The ProblemDetails <c>type</c> of each outcome. The server writes them, the client reads them back with
/// <c>ProblemReader</c>: nobody compares titles or messages, which are for people and in their language.
/// </summary>
public static class ProblemTypes
{
    /// <summary>Field errors (400).</summary>
    public const string Invalid = "urn:goshogawara-dx:problem:invalid";

    /// <summary>Someone saved first (409, with <c>current</c>).</summary>
    public const string Conflict = "urn:goshogawara-dx:problem:conflict";

    /// <summary>A rule refuses it (409).</summary>
    public const string Refused = "urn:goshogawara-dx:problem:refused";

    /// <summary>Not found (404).</summary>
    public const string NotFound = "urn:goshogawara-dx:problem:not-found";

    /// <summary>Not permitted (403).</summary>
    public const string Forbidden = "urn:goshogawara-dx:problem:forbidden";

    /// <summary>The type written for <paramref name="kind"/>.</summary>
    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Invalid => Invalid,
        OutcomeKind.Conflict => Conflict,
        OutcomeKind.NotFound => NotFound,
        OutcomeKind.Forbidden => Forbidden,
        _ => Refused,
    };

    /// <summary>The outcome a problem stands for: by its type, else by its HTTP status (a proxy's or the framework's own 4xx).</summary>
    public static OutcomeKind KindOf(string? type, int status) => type switch
    {
        Invalid => OutcomeKind.Invalid,
        Conflict => OutcomeKind.Conflict,
        NotFound => OutcomeKind.NotFound,
        Forbidden => OutcomeKind.Forbidden,
        Refused => OutcomeKind.Refused,
        _ => status switch
        {
            400 => OutcomeKind.Invalid,
            401 => OutcomeKind.SignedOut,
            403 => OutcomeKind.Forbidden,
            404 => OutcomeKind.NotFound,
            _ => OutcomeKind.Refused,
        },
    };
}
