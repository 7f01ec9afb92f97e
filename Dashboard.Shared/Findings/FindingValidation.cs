using Dashboard.Shared.Text;

namespace Dashboard.Shared.Findings;

/// <summary>The rules for a meeting's findings and a department's response, the same in the browser and on the server.</summary>
public static class FindingValidation
{
    /// <summary>The longest meeting name.</summary>
    public const int TitleMaxLength = 100;

    /// <summary>The longest finding or response.</summary>
    public const int TextMaxLength = 2000;

    /// <summary>The most findings recorded with one meeting.</summary>
    public const int MaxFindings = 50;

    /// <summary>The field name of a finding's property in a meeting request's errors: Findings[1].DepartmentCode.</summary>
    public static string Field(int index, string property) => $"{nameof(RecordMeetingRequest.Findings)}[{index}].{property}";

    /// <summary>What is wrong with the request, by field, in Japanese; empty when it may be stored (the server then checks the names exist).</summary>
    public static Dictionary<string, string[]> Check(RecordMeetingRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (TextPolicy.Problem(request.Title, "会議名", false) is { } title)
        {
            Add(nameof(request.Title), title);
        }
        else if (request.Title?.Trim().Length > TitleMaxLength)
        {
            Add(nameof(request.Title), $"会議名は{TitleMaxLength}文字以内で入力してください。");
        }

        if (request.HeldOn is null)
        {
            Add(nameof(request.HeldOn), "開催日を入力してください。");
        }

        if (request.FiscalYear is null || request.Quarter is not (>= 1 and <= 4))
        {
            Add(nameof(request.Quarter), "会議で確認した四半期を選んでください。");
        }

        var findings = request.Findings ?? [];
        if (findings.Count == 0)
        {
            Add(nameof(request.Findings), "指摘事項を1件以上入力してください。");
        }
        else if (findings.Count > MaxFindings)
        {
            Add(nameof(request.Findings), $"一度に記録できる指摘事項は{MaxFindings}件までです。");
        }

        for (var i = 0; i < Math.Min(findings.Count, MaxFindings); i++)
        {
            var f = findings[i];
            if (f.InitiativeNumber is null)
            {
                Add(Field(i, nameof(f.InitiativeNumber)), "対象の取組施策を選んでください。");
            }

            if (string.IsNullOrWhiteSpace(f.DepartmentCode))
            {
                Add(Field(i, nameof(f.DepartmentCode)), "担当課を選んでください。");
            }

            if (f.DueOn is null)
            {
                Add(Field(i, nameof(f.DueOn)), "対応期限を入力してください。");
            }
            else if (request.HeldOn is { } held && f.DueOn < held)
            {
                Add(Field(i, nameof(f.DueOn)), $"対応期限（{f.DueOn:yyyy/MM/dd}）が開催日（{held:yyyy/MM/dd}）より前です。");
            }

            if (TextProblem(f.Request, "指摘内容", required: true) is { } text)
            {
                Add(Field(i, nameof(f.Request)), text);
            }
        }

        return errors;
    }

    /// <summary>What is wrong with a department's response, by field; empty when it may be stored.</summary>
    public static Dictionary<string, string[]> Check(RespondFindingRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.State == FindingState.Completed || !Enum.IsDefined(request.State))
        {
            errors[nameof(request.State)] = ["対応状況は「未着手」「対応中」「対応済」から選んでください（「完了」は事務局が確認します）。"];
        }

        if (TextProblem(request.Response, "対応内容", required: request.State == FindingState.Addressed) is { } text)
        {
            errors[nameof(request.Response)] = [request.State == FindingState.Addressed && string.IsNullOrWhiteSpace(request.Response)
                ? "「対応済」にするときは、行った対応を入力してください。" : text];
        }

        return errors;
    }

    private static string? TextProblem(string? text, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? $"{label}を入力してください。" : null;
        }

        return TextPolicy.Problem(text, label, true)
            ?? (text.Trim().Length > TextMaxLength ? $"{label}は{TextMaxLength}文字以内で入力してください（いま{text.Trim().Length}文字）。" : null);
    }
}
