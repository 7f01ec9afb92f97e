using System.Text.RegularExpressions;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Admin;

/// <summary>The same checks in the browser and on the server, with messages in Japanese.</summary>
public static partial class AdminValidation
{
    /// <summary>Field errors of a user; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(SaveUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var login = request.LoginName?.Trim() ?? "";
        if (login.Length == 0)
        {
            errors[nameof(request.LoginName)] = [Wording.Pick("サインイン名を入力してください。", "Enter the sign-in name.")];
        }
        else if (!IsMailAddress(login) && (login.Length > 256 || !LoginIdPattern().IsMatch(login)))
        {
            errors[nameof(request.LoginName)] = [Wording.Pick(
                "サインイン名は yamada のようなログインIDか name@example.jp の形で、半角英数字と . _ - で256文字以内で入力してください。",
                "The sign-in name is a login ID such as yamada or an address such as name@example.jp: letters, digits and . _ - only, at most 256 characters.")];
        }

        if (CleanEmail(request.Email) is { } email && !IsMailAddress(email))
        {
            errors[nameof(request.Email)] = [Wording.Pick(
                "メールアドレスは name@example.jp の形（256文字以内）で入力してください。空欄でもかまいません。",
                "Enter the mail address as name@example.jp (at most 256 characters), or leave it blank.")];
        }

        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(request.DisplayName)] = [Wording.Pick("表示名を入力してください。", "Enter the display name.")];
        }
        else if (name.Length > 100)
        {
            errors[nameof(request.DisplayName)] = [Wording.Pick("表示名は100文字以内で入力してください。", "The display name has at most 100 characters.")];
        }
        else if (TextPolicy.NameProblem(name, Wording.Pick("表示名", "The display name")) is { } problem)
        {
            errors[nameof(request.DisplayName)] = [problem];
        }

        if ((request.Roles & ~(AppRoles.SectionStaff | AppRoles.Committee | AppRoles.Planner | AppRoles.Admin)) != 0)
        {
            errors[nameof(request.Roles)] = [Wording.Pick("役割の値が不正です。", "The role is not valid.")];
        }

        if (request.DepartmentCodes?.Any(c => c is null || !CodePattern().IsMatch(c)) == true)
        {
            errors[nameof(request.DepartmentCodes)] = [Wording.Pick("担当課の指定が正しくありません。", "The departments given are not valid.")];
        }
        else if (request.Roles.HasFlag(AppRoles.SectionStaff) && (request.DepartmentCodes is null || request.DepartmentCodes.Count == 0))
        {
            errors[nameof(request.DepartmentCodes)] = [Wording.Pick("各課の担当者には担当課を1つ以上選んでください。", "Choose at least one department for section staff.")];
        }

        return errors;
    }

    /// <summary>Field errors of a department; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(SaveDepartmentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodePattern().IsMatch(request.Code?.Trim() ?? ""))
        {
            errors[nameof(request.Code)] = [Wording.Pick("課コードは英小文字・数字・ハイフンの32文字以内で入力してください。", "A department code is lowercase letters, digits and hyphens, at most 32 characters.")];
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 100)
        {
            errors[nameof(request.Name)] = [Wording.Pick("課の名前を100文字以内で入力してください。", "Enter the department's name, at most 100 characters.")];
        }
        else if (TextPolicy.NameProblem(name, Wording.Pick("課の名前", "The department's name")) is { } problem)
        {
            errors[nameof(request.Name)] = [problem];
        }

        return errors;
    }

    /// <summary>A typed mail address trimmed and in lower case; null when nothing was typed.</summary>
    public static string? CleanEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>
    /// Whether the text is a mail address (a UPN or an address) of at most 256 characters: a login notices may be mailed
    /// to, an address the admin types, or one the directory gives.
    /// </summary>
    public static bool IsMailAddress(string text) => text.Length <= 256 && MailPattern().IsMatch(text);

    /// <summary>A typed or given mail address, cleaned, when it is a sound one; else null.</summary>
    public static string? SoundEmail(string? email) => CleanEmail(email) is { } clean && IsMailAddress(clean) ? clean : null;

    [GeneratedRegex(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex MailPattern();

    // A plain login ID as Active Directory (sAMAccountName), Windows sign-in (the name after DOMAIN\) and local accounts
    // use them (a UPN or mail address is the other form, MailPattern): no spaces, no control characters, no markup.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._'-]*$")]
    private static partial Regex LoginIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
