using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Shared.Auth;

namespace Dashboard.Server.Data.Seeding;

/// <summary>
/// Reads seed-data/: departments.json, plans/*.json and, when asked, sample-figures/*.json. Every problem stops
/// the read with one <see cref="SeedDataException"/> naming the file, the JSON path and what is wrong.
/// </summary>
internal static class SeedReader
{
    public const string DepartmentsFileName = "departments.json";
    public const string PlansFolder = "plans";
    public const string SamplesFolder = "sample-figures";
    public const string DemoUsersFileName = "demo-users.json";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static SeedSet Read(string folder, bool includeSamples, ISet<string> departmentCodesInDatabase, bool includeDemoUsers = false)
    {
        if (!Directory.Exists(folder))
        {
            throw new SeedDataException(folder, "$", "seed-data フォルダが見つかりません (folder not found)");
        }

        var label = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var departments = ReadDepartments(folder, label);
        var knownDepartments = new HashSet<string>(departmentCodesInDatabase, StringComparer.Ordinal);
        knownDepartments.UnionWith(departments.Select(d => d.Code));

        var plans = new List<PlanSeedResult>();
        foreach (var path in JsonFilesIn(Path.Combine(folder, PlansFolder)))
        {
            var file = FileLabel(label, PlansFolder, path);
            plans.Add(new PlanSeedValidator(file, knownDepartments).Validate(Parse<PlanFile>(path, file)));
        }

        CheckAcrossPlans(plans);

        var samples = new List<SampleEntry>();
        if (includeSamples)
        {
            foreach (var path in JsonFilesIn(Path.Combine(folder, SamplesFolder)))
            {
                var file = FileLabel(label, SamplesFolder, path);
                samples.AddRange(new SampleSeedValidator(file, plans).Validate(Parse<SampleFiguresFile>(path, file)));
            }
        }

        var demoUsers = includeDemoUsers ? ReadDemoUsers(folder, label, knownDepartments) : [];
        return new SeedSet(departments, plans, samples, demoUsers);
    }

    private static List<Department> ReadDepartments(string folder, string label)
    {
        var path = Path.Combine(folder, DepartmentsFileName);
        var file = $"{label}/{DepartmentsFileName}";
        if (!File.Exists(path))
        {
            return [];
        }

        var parsed = Parse<DepartmentsFile>(path, file);
        var result = new List<Department>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = parsed.Departments ?? throw new SeedDataException(file, "$.departments", SeedMessages.Missing);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"$.departments[{i}]";
            var d = list[i] ?? throw new SeedDataException(file, at, SeedMessages.Missing);
            var code = SeedMessages.RequireCode(file, $"{at}.code", d.Code);
            if (!seen.Add(code))
            {
                throw new SeedDataException(file, $"{at}.code", $"課コード \"{code}\" が重複しています (duplicate department code)");
            }

            var name = SeedMessages.RequireName(file, $"{at}.name", d.Name, 100);
            result.Add(new Department { Code = code, Name = name, IsSample = d.Sample ?? false });
        }

        return result;
    }

    private static List<DemoUser> ReadDemoUsers(string folder, string label, HashSet<string> knownDepartments)
    {
        var path = Path.Combine(folder, DemoUsersFileName);
        var file = $"{label}/{DemoUsersFileName}";
        if (!File.Exists(path))
        {
            return [];
        }

        var list = Parse<DemoUsersFile>(path, file).Users ?? throw new SeedDataException(file, "$.users", SeedMessages.Missing);
        var result = new List<DemoUser>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"$.users[{i}]";
            var u = list[i] ?? throw new SeedDataException(file, at, SeedMessages.Missing);
            var roles = AppRoles.None;
            foreach (var (role, r) in (u.Roles ?? []).Select((role, r) => (role, r)))
            {
                roles |= Enum.TryParse<AppRoles>(role, ignoreCase: true, out var parsed) && RoleNames.All.Contains(parsed)
                    ? parsed
                    : throw new SeedDataException(file, $"{at}.roles[{r}]", $"役割 \"{role}\" は SectionStaff, Committee, Planner, Admin のいずれかです (unknown role)");
            }

            var departments = (u.Departments ?? []).Select((code, d) => code is not null && knownDepartments.Contains(code)
                ? code
                : throw new SeedDataException(file, $"{at}.departments[{d}]", $"課コード \"{code}\" は departments.json にありません (unknown department)")).ToList();
            result.Add(new DemoUser(
                SeedMessages.RequireText(file, $"{at}.login", u.Login, 256).ToLowerInvariant(),
                SeedMessages.RequireName(file, $"{at}.name", u.Name, 100),
                roles,
                departments));
        }

        return result;
    }

    private static void CheckAcrossPlans(List<PlanSeedResult> plans)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in plans.Where(p => !codes.Add(p.Plan.Code)))
        {
            throw new SeedDataException(p.File, "$.code", $"計画コード \"{p.Plan.Code}\" が他のファイルと重複しています (duplicate plan code)");
        }

        var current = plans.Where(p => p.Plan.IsCurrent).ToList();
        if (current.Count > 1)
        {
            throw new SeedDataException(current[1].File, "$.isCurrent",
                $"現行の計画は1つだけです。\"{current[0].Plan.Code}\" も isCurrent です (only one plan may be current)");
        }
    }

    private static T Parse<T>(string path, string file)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, _json)
                ?? throw new SeedDataException(file, "$", "ファイルが空です (empty file)");
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" ({l + 1}行目 line {l + 1})") : "";
            throw new SeedDataException(file, ex.Path ?? "$", $"JSONとして読めません (invalid JSON){line}: {ex.Message}", ex);
        }
    }

    private static IEnumerable<string> JsonFilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            : [];

    private static string FileLabel(string label, string subfolder, string path) => $"{label}/{subfolder}/{Path.GetFileName(path)}";
}
