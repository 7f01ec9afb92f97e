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
            return "差し戻す理由を入力してください。担当課に表示されます。";
        }

        if (comment is { Length: > EntryValidation.NoteMaxLength })
        {
            return $"コメントは{EntryValidation.NoteMaxLength:N0}文字以内で入力してください。";
        }

        return TextPolicy.Problem(comment, "コメント", multiline: true);
    }

    /// <summary>The problem with the reason for closing while entries still wait, or null.</summary>
    public static string? CloseReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? $"未承認の実績を残して締め切る理由を{ReasonMaxLength:N0}文字以内で入力してください。"
            : TextPolicy.Problem(reason, "締め切る理由", multiline: true);

    /// <summary>The problem with a reopen reason, or null.</summary>
    public static string? ReopenReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? $"再開する理由を{ReasonMaxLength:N0}文字以内で入力してください。"
            : TextPolicy.Problem(reason, "再開する理由", multiline: true);
}
