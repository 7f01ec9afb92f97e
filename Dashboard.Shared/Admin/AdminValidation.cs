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
            errors[nameof(request.LoginName)] = ["サインイン名を入力してください。"];
        }
        else if (!IsMailAddress(login) && (login.Length > 256 || !LoginIdPattern().IsMatch(login)))
        {
            errors[nameof(request.LoginName)] = ["サインイン名は yamada のようなログインIDか name@example.jp の形で、半角英数字と . _ - で256文字以内で入力してください。"];
        }

        if (CleanEmail(request.Email) is { } email && !IsMailAddress(email))
        {
            errors[nameof(request.Email)] = ["メールアドレスは name@example.jp の形（256文字以内）で入力してください。空欄でもかまいません。"];
        }

        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(request.DisplayName)] = ["表示名を入力してください。"];
        }
        else if (name.Length > 100)
        {
            errors[nameof(request.DisplayName)] = ["表示名は100文字以内で入力してください。"];
        }
        else if (TextPolicy.NameProblem(name, "表示名") is { } problem)
        {
            errors[nameof(request.DisplayName)] = [problem];
        }

        if ((request.Roles & ~(AppRoles.SectionStaff | AppRoles.Committee | AppRoles.Planner | AppRoles.Admin)) != 0)
        {
            errors[nameof(request.Roles)] = ["役割の値が不正です。"];
        }

        if (request.DepartmentCodes?.Any(c => c is null || !CodePattern().IsMatch(c)) == true)
        {
            errors[nameof(request.DepartmentCodes)] = ["担当課の指定が正しくありません。"];
        }
        else if (request.Roles.HasFlag(AppRoles.SectionStaff) && (request.DepartmentCodes is null || request.DepartmentCodes.Count == 0))
        {
            errors[nameof(request.DepartmentCodes)] = ["各課の担当者には担当課を1つ以上選んでください。"];
        }

        return errors;
    }

    /// <summary>Field errors of a department; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(SaveDepartmentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodePattern().IsMatch(request.Code?.Trim() ?? ""))
        {
            errors[nameof(request.Code)] = ["課コードは英小文字・数字・ハイフンの32文字以内で入力してください。"];
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 100)
        {
            errors[nameof(request.Name)] = ["課の名前を100文字以内で入力してください。"];
        }
        else if (TextPolicy.NameProblem(name, "課の名前") is { } problem)
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
