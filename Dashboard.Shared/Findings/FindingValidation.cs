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

        if (TextPolicy.Problem(request.Title, Wording.Pick("会議名", "The meeting's name"), false) is { } title)
        {
            Add(nameof(request.Title), title);
        }
        else if (request.Title?.Trim().Length > TitleMaxLength)
        {
            Add(nameof(request.Title), Wording.Pick($"会議名は{TitleMaxLength}文字以内で入力してください。", $"The meeting's name has at most {TitleMaxLength} characters."));
        }

        if (request.HeldOn is null)
        {
            Add(nameof(request.HeldOn), Wording.Pick("開催日を入力してください。", "Enter the date of the meeting."));
        }

        if (request.FiscalYear is null || request.Quarter is not (>= 1 and <= 4))
        {
            Add(nameof(request.Quarter), Wording.Pick("会議で確認した四半期を選んでください。", "Choose the quarter the meeting reviewed."));
        }

        var findings = request.Findings ?? [];
        if (findings.Count == 0)
        {
            Add(nameof(request.Findings), Wording.Pick("指摘事項を1件以上入力してください。", "Enter at least one finding."));
        }
        else if (findings.Count > MaxFindings)
        {
            Add(nameof(request.Findings), Wording.Pick($"一度に記録できる指摘事項は{MaxFindings}件までです。", $"At most {MaxFindings} findings can be recorded at once."));
        }

        for (var i = 0; i < Math.Min(findings.Count, MaxFindings); i++)
        {
            var f = findings[i];
            if (f.InitiativeNumber is null)
            {
                Add(Field(i, nameof(f.InitiativeNumber)), Wording.Pick("対象の取組施策を選んでください。", "Choose the initiative."));
            }

            if (string.IsNullOrWhiteSpace(f.DepartmentCode))
            {
                Add(Field(i, nameof(f.DepartmentCode)), Wording.Pick("担当課を選んでください。", "Choose the department."));
            }

            if (f.DueOn is null)
            {
                Add(Field(i, nameof(f.DueOn)), Wording.Pick("対応期限を入力してください。", "Enter the due date."));
            }
            else if (request.HeldOn is { } held && f.DueOn < held)
            {
                Add(Field(i, nameof(f.DueOn)), Wording.Pick($"対応期限（{f.DueOn:yyyy/MM/dd}）が開催日（{held:yyyy/MM/dd}）より前です。", $"The due date ({f.DueOn:yyyy/MM/dd}) is before the meeting ({held:yyyy/MM/dd})."));
            }

            if (TextProblem(f.Request, Wording.Pick("指摘内容", "The finding"), required: true) is { } text)
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
            errors[nameof(request.State)] = [Wording.Pick(
                "対応状況は「未着手」「対応中」「対応済」から選んでください（「完了」は事務局が確認します）。",
                "Choose Not started, In progress or Addressed (the secretariat confirms Completed).")];
        }

        if (TextProblem(request.Response, Wording.Pick("対応内容", "The response"), required: request.State == FindingState.Addressed) is { } text)
        {
            errors[nameof(request.Response)] = [request.State == FindingState.Addressed && string.IsNullOrWhiteSpace(request.Response)
                ? Wording.Pick("「対応済」にするときは、行った対応を入力してください。", "To mark it Addressed, enter what was done.") : text];
        }

        return errors;
    }

    private static string? TextProblem(string? text, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Wording.Pick($"{label}を入力してください。", $"{label} is required.") : null;
        }

        return TextPolicy.Problem(text, label, true)
            ?? (text.Trim().Length > TextMaxLength ? Wording.Pick($"{label}は{TextMaxLength}文字以内で入力してください（いま{text.Trim().Length}文字）。", $"{label}: at most {TextMaxLength} characters (now {text.Trim().Length}).") : null);
    }
}
