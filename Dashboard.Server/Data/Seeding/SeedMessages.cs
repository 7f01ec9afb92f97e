using System.Text.RegularExpressions;

namespace Dashboard.Server.Data.Seeding;

internal static partial class SeedMessages
{
    public const string Missing = "必須項目がありません (missing field)";

    public static string RequireText(string file, string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SeedDataException(file, path, Missing);
        }

        if (value.Length > maxLength)
        {
            throw new SeedDataException(file, path, $"{maxLength}文字以内にしてください (longer than {maxLength} characters)");
        }

        return value.Trim();
    }

    /// <summary>A name that CSV and workbook readers will not run as a formula (see TextPolicy.NameProblem).</summary>
    public static string RequireName(string file, string path, string? value, int maxLength)
    {
        var name = RequireText(file, path, value, maxLength);
        return Dashboard.Shared.Text.TextPolicy.NameProblem(name, "名前") is { } problem ? throw new SeedDataException(file, path, problem) : name;
    }

    public static string RequireCode(string file, string path, string? value)
    {
        var code = RequireText(file, path, value, 32);
        if (!CodePattern().IsMatch(code))
        {
            throw new SeedDataException(file, path, $"コード \"{code}\" には英数字とハイフンだけを使ってください (code may hold letters, digits and '-')");
        }

        return code;
    }

    public static T Require<T>(string file, string path, T? value)
        where T : struct =>
        value ?? throw new SeedDataException(file, path, Missing);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CodePattern();
}
