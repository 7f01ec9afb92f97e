using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Admin;

/// <summary>The admin audit in words people read: Japanese field names, department names, role names.</summary>
internal static class AuditWords
{
    public static string Field(string field) => field switch
    {
        "LoginName" => "サインイン名",
        "DisplayName" => "表示名",
        "Roles" => "役割",
        "Departments" => "担当課",
        "IsActive" => "利用",
        "Email" => "メールアドレス",
        "Name" => "課の名前",
        _ => field,
    };

    public static string? Value(string field, string? value, IReadOnlyDictionary<string, string> departmentNames) => value is null ? null : field switch
    {
        "Departments" => value.Length == 0 ? "なし" : string.Join("・", value.Split(',').Select(code => departmentNames.GetValueOrDefault(code, code))),
        "Roles" => Enum.TryParse<AppRoles>(value, out var roles) ? roles.Japanese() : value,
        "IsActive" => value == bool.TrueString ? "有効" : value == bool.FalseString ? "停止" : value,
        _ => value,
    };
}
