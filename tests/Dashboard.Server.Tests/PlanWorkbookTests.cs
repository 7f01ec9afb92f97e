using Microsoft.AspNetCore.Mvc;
using Dashboard.Shared.Problems;
using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>
/// A plan as a workbook and as a seed file (issue 20), with real workbooks and real SQLite files: the real plan goes
/// out and into an empty database unchanged; a workbook with ten bad rows is refused with ten messages, each naming its
/// sheet, row and column, and nothing is saved; the seed file loads as the app's own seed.
/// </summary>
public sealed class PlanWorkbookTests : AppTestBase
{
    private const string Code = "goshogawara-dx-2022";

    [Fact]
    public async Task TheRealPlanGoesOutAndIntoAnEmptyDatabaseUnchanged()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        Assert.Equal(HttpStatusCode.OK, (await planner.PutAsJsonAsync($"/api/plans/current/kpis/I01-K1/targets/2025",
            new TargetRevisionRequest("185", new DateOnly(2025, 10, 1), "国の方針で対象手続が減ったため"))).StatusCode);
        var workbook = await planner.GetByteArrayAsync($"/api/plans/{Code}/workbook");
        var original = await App.WithDbAsync(Snapshot);

        using var emptyTemp = new TempFolder();
        await using var empty = new DashboardFactory(emptyTemp.ConnectionString, SeedWithoutPlans(emptyTemp));
        empty.Start();
        Assert.Equal(0, await empty.CountAsync<Plan>());
        var emptyPlanner = await empty.SignedInClientAsync(DashboardFactory.Demo.Planner);

        var response = await UploadAsync(emptyPlanner, workbook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<PlanSummaryDto>())!;
        Assert.Equal((Code, PlanStatus.Draft), (result.Code, result.Status));
        var imported = await empty.WithDbAsync(Snapshot);
        Assert.Equal(original.Count, imported.Count);
        Assert.Equal((3, 11, 28), (original.Count(l => l.StartsWith("policy|", StringComparison.Ordinal)),
            original.Count(l => l.StartsWith("initiative|", StringComparison.Ordinal)), original.Count(l => l.StartsWith("kpi|", StringComparison.Ordinal))));
        Assert.Equal(original, imported);
        Assert.Contains(imported, line => line.Contains("185", StringComparison.Ordinal) && line.Contains("2025-10-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkbookWithTenBadRowsIsRefusedWithTenMessagesAndNothingSaved()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var bytes = await planner.GetByteArrayAsync($"/api/plans/{Code}/workbook");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        workbook.Worksheet("計画").Cell(1, 2).SetValue("goshogawara-dx-import");
        var sheet = workbook.Worksheet("KPI表");
        var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = Enumerable.Range(2, sheet.LastRowUsed()!.RowNumber() - 1).ToDictionary(r => sheet.Cell(r, headers["KPIコード"]).GetString());
        var year = headers["令和5年度目標（2023）"];
        var bad = new (string Kpi, string Column, string Value, string Words)[]
        {
            ("I01-K1", "種類", "累積", "種類「累積」は使えません"),
            ("I01-K2", "担当課", "未来課", "担当課「未来課」は登録されていません"),
            ("I02-K1", "令和5年度目標（2023）", "たくさん", ""),
            ("I02-K2", "KPIコード", "I01-K1", "重複"),
            ("I02-K3", "KPI", "", "「KPI」: 必須項目がありません"),
            ("I03-K1", "令和5年度目標（2023）", "150", "0から100"),
            ("I02-K4", "期限年度", "", "「期限年度」: 必須項目がありません"),
            ("I05-K1", "単位", "", "「単位」: 必須項目がありません"),
            ("I06-K1", "方向", "多いほど良い", "方向「多いほど良い」は使えません"),
            ("I04-K1", "基準日", "2023年4月", "日付として読めません"),
        };
        foreach (var (kpi, column, value, _) in bad)
        {
            sheet.Cell(rows[kpi], headers[column]).SetValue(value);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var kpis = await App.CountAsync<Kpi>();

        var response = await UploadAsync(planner, stream.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await CellErrorsAsync(response);
        Assert.Equal(10, errors.Count);
        foreach (var (kpi, column, _, words) in bad)
        {
            var error = Assert.Single(errors, e => e.Row == rows[kpi]);
            Assert.Equal(("KPI表", XLHelper.GetColumnLetterFromNumber(headers[column])), (error.Sheet, error.Column));
            Assert.Contains(words, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("(", error.Message, StringComparison.Ordinal); // the seed files' English gloss is left out
        }

        Assert.Equal((1, kpis), (await App.CountAsync<Plan>(), await App.CountAsync<Kpi>()));
        Assert.Equal(year, headers["令和5年度目標（2023）"]);
    }

    [Fact]
    public async Task TheSeedFileLoadsAsTheAppsOwnSeed()
    {
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var seed = await planner.GetByteArrayAsync($"/api/plans/{Code}/seed.json");
        var original = await App.WithDbAsync(Snapshot);

        using var otherTemp = new TempFolder();
        var folder = SeedWithoutPlans(otherTemp);
        await File.WriteAllBytesAsync(Path.Combine(folder, "plans", "exported.json"), seed);
        await using var other = new DashboardFactory(otherTemp.ConnectionString, folder);
        other.Start();

        Assert.Equal(original, await other.WithDbAsync(Snapshot));
    }

    [Fact]
    public async Task OnlyPlannersImportAndAnUploadThatIsNotAPlanIsRefused()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var bytes = await planner.GetByteArrayAsync($"/api/plans/{Code}/workbook");

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(staff, bytes)).StatusCode);
        var notExcel = await UploadAsync(planner, "not a workbook"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
        Assert.Contains(".xlsx", (await CellErrorsAsync(notExcel)).Single().Message, StringComparison.Ordinal);
        var again = await UploadAsync(planner, bytes); // the same code as the plan loaded
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var error = (await CellErrorsAsync(again)).Single();
        Assert.Equal(("計画", 1, "B"), (error.Sheet, error.Row, error.Column));
        Assert.Equal(1, await App.CountAsync<Plan>());
    }

    /// <summary>The refusal's problems by sheet, row and column, read from the field errors of the one outcome contract.</summary>
    private static async Task<IReadOnlyList<TemplateError>> CellErrorsAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(ProblemTypes.Invalid, problem.Type);
        return TemplateErrors.FromFieldErrors(problem.Errors.AsReadOnly(), "KPI表");
    }

    /// <summary>Every policy, initiative, KPI, target and owner as comparable lines (ids left out).</summary>
    private static async Task<List<string>> Snapshot(DashboardDbContext db)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
            .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
            .SingleAsync();
        var lines = new List<string> { $"plan|{plan.Code}|{plan.Name}|{plan.PeriodStart}|{plan.PeriodEnd}" };
        foreach (var p in plan.Policies.OrderBy(p => p.Number))
        {
            lines.Add($"policy|{p.Number}|{p.Title}|{p.Subtitle}");
            foreach (var i in p.Initiatives.OrderBy(i => i.Number))
            {
                lines.Add($"initiative|{p.Number}|{i.Number}|{i.Title}|{i.Summary}");
                foreach (var k in i.Kpis.OrderBy(k => k.DisplayOrder))
                {
                    lines.Add($"kpi|{i.Number}|{k.DisplayOrder}|{k.Code}|{k.Name}|{k.Kind}|{k.Direction}|{k.Unit}|{k.BaselineValue:0.####}|{k.BaselineDate}|{k.MilestoneDueFiscalYear}|{k.Source}|{k.Note}");
                    lines.AddRange(k.Owners.Select(o => $"owner|{k.Code}|{o.Code}").Order(StringComparer.Ordinal));
                    lines.AddRange(k.Targets.Select(t => $"target|{k.Code}|{t.FiscalYear}|{t.Value:0.####}|{t.EffectiveFrom:yyyy-MM-dd}|{t.Reason}").Order(StringComparer.Ordinal));
                }
            }
        }

        return lines;
    }

    /// <summary>A seed folder with the departments and demo users but no plan: an empty database.</summary>
    private static string SeedWithoutPlans(TempFolder temp)
    {
        var folder = temp.CopyOfSeedData();
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "plans")).Concat(Directory.GetFiles(Path.Combine(folder, "sample-figures"))))
        {
            File.Delete(file);
        }

        return folder;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "計画.xlsx" } };
        form.Add(new StringContent(await DashboardFactory.AntiforgeryTokenAsync(client)), "__RequestVerificationToken");
        return await client.PostAsync("/api/plans/import", form);
    }
}
