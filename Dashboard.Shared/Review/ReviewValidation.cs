using Dashboard.Shared.Entries;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Review;

/// <summary>The secretariat's texts: the comment when returning an entry, the reason for reopening a quarter.</summary>
public static class ReviewValidation
{
    /// <summary>Longest reopen reason.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>The problem with a review comment, or null. Returning needs one; approving may have one.</summary>
    public static string? Comment(bool approve, string? comment)
    {
        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            return Wording.Pick("差し戻す理由を入力してください。担当課に表示されます。", "Enter the reason for returning it. The department will see it.");
        }

        if (comment is { Length: > EntryValidation.NoteMaxLength })
        {
            return Wording.Pick($"コメントは{EntryValidation.NoteMaxLength:N0}文字以内で入力してください。", $"A comment has at most {EntryValidation.NoteMaxLength:N0} characters.");
        }

        return TextPolicy.Problem(comment, Wording.Pick("コメント", "The comment"), multiline: true);
    }

    /// <summary>The problem with the reason for closing while entries still wait, or null.</summary>
    public static string? CloseReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? Wording.Pick(
                $"未承認の実績を残して締め切る理由を{ReasonMaxLength:N0}文字以内で入力してください。",
                $"Enter why the quarter is closed with entries not approved, in at most {ReasonMaxLength:N0} characters.")
            : TextPolicy.Problem(reason, Wording.Pick("締め切る理由", "The reason for closing"), multiline: true);

    /// <summary>The problem with a reopen reason, or null.</summary>
    public static string? ReopenReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? Wording.Pick($"再開する理由を{ReasonMaxLength:N0}文字以内で入力してください。", $"Enter the reason for reopening, in at most {ReasonMaxLength:N0} characters.")
            : TextPolicy.Problem(reason, Wording.Pick("再開する理由", "The reason for reopening"), multiline: true);
}
