namespace Dashboard.Shared.Problems;

/// <summary>
/// A value, or why there is none: the one result of every service operation that can be refused, on the server and in
/// the pages. 403, 404, refusals and conflicts are values, never exceptions. A conflict carries what was stored first
/// in <see cref="Value"/> (field errors may carry what was read); a refusal may carry field errors beside its message.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]> Errors, string? Message)
{
    /// <summary>Whether it was done.</summary>
    public bool Succeeded => Kind == OutcomeKind.Saved;

    /// <summary>The first message for people: the first field error, else the message.</summary>
    public string? FirstMessage => Errors.Values.SelectMany(v => v).FirstOrDefault() ?? Message;

    /// <summary>The same failure as an outcome of another type (a conflict's stored value is not carried over).</summary>
    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("A success has a value; map it instead.")
        : new(Kind, default, Errors, Message);

    /// <summary>The value mapped when it succeeded, else the same failure.</summary>
    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => Succeeded ? Outcome.Ok(map(Value!)) : As<TOther>();
}

/// <summary>The value of an operation that returns nothing but its success (closing a quarter, saving a person).</summary>
public sealed record Done
{
    /// <summary>The one value.</summary>
    public static Done Value { get; } = new();
}

/// <summary>Makes outcomes.</summary>
public static class Outcome
{
    private static readonly IReadOnlyDictionary<string, string[]> _none = new Dictionary<string, string[]>();

    /// <summary>The value.</summary>
    public static Outcome<T> Ok<T>(T value) => new(OutcomeKind.Saved, value, _none, null);

    /// <summary>Done, with nothing to return.</summary>
    public static Outcome<Done> Done() => Ok(Problems.Done.Value);

    /// <summary>Field errors; nothing stored.</summary>
    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors, null);

    /// <summary>Field errors, with what was read (an upload's rows, for example); nothing stored.</summary>
    public static Outcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors, T? read) => new(OutcomeKind.Invalid, read, errors, null);

    /// <summary>Field errors on one field; nothing stored.</summary>
    public static Outcome<T> Invalid<T>(string field, string message) => Invalid<T>(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Someone saved first; <paramref name="current"/> is what they stored.</summary>
    public static Outcome<T> Conflict<T>(T? current, string message) => new(OutcomeKind.Conflict, current, _none, message);

    /// <summary>Refused, not found or forbidden, with a message for people (and, for a refusal, the items it names).</summary>
    public static Outcome<T> Refused<T>(string message, OutcomeKind kind = OutcomeKind.Refused, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(kind, default, errors ?? _none, message);

    /// <summary>Not found, with a message for people.</summary>
    public static Outcome<T> NotFound<T>(string message) => Refused<T>(message, OutcomeKind.NotFound);

    /// <summary>Not the person's to do or see.</summary>
    public static Outcome<T> Forbidden<T>(string message) => Refused<T>(message, OutcomeKind.Forbidden);
}
