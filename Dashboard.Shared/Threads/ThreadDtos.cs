namespace Dashboard.Shared.Threads;

/// <summary>One comment of a thread.</summary>
/// <param name="Id">Identity.</param>
/// <param name="AuthorName">Who wrote it (display name).</param>
/// <param name="Body">The text; empty once deleted.</param>
/// <param name="CreatedUtc">When it was posted.</param>
/// <param name="EditedUtc">When it was last edited, or null.</param>
/// <param name="DeletedUtc">When it was deleted, or null.</param>
/// <param name="IsMine">Written by the caller (who alone may edit or delete it).</param>
public sealed record CommentDto(long Id, string AuthorName, string Body, DateTime CreatedUtc, DateTime? EditedUtc, DateTime? DeletedUtc, bool IsMine);

/// <summary>One step of a thread's history: posted, edited (with the earlier text), deleted, resolved, reopened.</summary>
/// <param name="AtUtc">When.</param>
/// <param name="ActorName">Who.</param>
/// <param name="What">Posted, Edited, Deleted, Resolved or Reopened.</param>
/// <param name="CommentId">The comment it concerns, or null for the thread.</param>
/// <param name="Earlier">The text before an edit or deletion.</param>
public sealed record ThreadEventDto(DateTime AtUtc, string ActorName, ThreadEventKind What, long? CommentId, string? Earlier);

/// <summary>What happened in a thread.</summary>
public enum ThreadEventKind
{
    /// <summary>A comment was posted.</summary>
    Posted,

    /// <summary>A comment was edited.</summary>
    Edited,

    /// <summary>A comment was deleted.</summary>
    Deleted,

    /// <summary>The thread was resolved.</summary>
    Resolved,

    /// <summary>The thread was reopened.</summary>
    Reopened,
}

/// <summary>A discussion on a KPI's quarter or on an initiative.</summary>
/// <param name="Id">Identity.</param>
/// <param name="FiscalYear">The quarter's fiscal year (KPI threads).</param>
/// <param name="Quarter">The quarter (KPI threads).</param>
/// <param name="IsInternal">Started before the figure was approved: only the owning department, the secretariat and the admin see it.</param>
/// <param name="ResolvedUtc">When it was resolved, or null while open.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
/// <param name="Comments">Oldest first.</param>
/// <param name="History">Oldest first.</param>
public sealed record ThreadDto(long Id, int? FiscalYear, int? Quarter, bool IsInternal, DateTime? ResolvedUtc, string? ResolvedBy,
    IReadOnlyList<CommentDto> Comments, IReadOnlyList<ThreadEventDto> History)
{
    /// <summary>Open until resolved.</summary>
    public bool IsOpen => ResolvedUtc is null;
}

/// <summary>Someone who may be mentioned: a department or a person.</summary>
/// <param name="Handle">What follows the @ (e.g. 企画課, tanaka).</param>
/// <param name="Name">How they are shown.</param>
/// <param name="IsDepartment">A department (its staff are told).</param>
public sealed record MentionTargetDto(string Handle, string Name, bool IsDepartment);

/// <summary>The threads of one place the caller may see.</summary>
/// <param name="Threads">Open first, newest first.</param>
/// <param name="MayWrite">The caller may start and answer threads here.</param>
/// <param name="Mentionable">Who may be mentioned here (those who may read the place).</param>
public sealed record ThreadListDto(IReadOnlyList<ThreadDto> Threads, bool MayWrite, IReadOnlyList<MentionTargetDto> Mentionable);

/// <summary>A new thread's first comment, or an answer.</summary>
/// <param name="Body">The text; @handles mention departments or people.</param>
public sealed record PostCommentRequest(string? Body);

/// <summary>Resolves (true) or reopens (false) a thread.</summary>
/// <param name="Resolved">The wanted state.</param>
public sealed record ResolveThreadRequest(bool Resolved);
