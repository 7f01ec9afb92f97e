using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Exports;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Exports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>The Excel entry template: download, fill in as a department would, preview, import; and every refusal.</summary>
public sealed class EntryTemplateTests : EntryTestBase
{
    internal static async Task<byte[]> DownloadAsync(HttpClient client, int year = Year, int quarter = Q)
    {
        var response = await client.GetAsync($"/api/exports/template?fy={year}&q={quarter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // 実績入力_令和7年度第4四半期_会計課.xlsx: the quarter and the caller's departments.
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.StartsWith(PackNaming.TemplateFileName(new(year, quarter))[..^5] + "_", name, StringComparison.Ordinal);
        Assert.Matches(@"^実績入力_令和\d+年度第\d四半期_[^_]*課[^_]*\.xlsx$", name);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static byte[] Edit(byte[] bytes, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        edit(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    internal static int RowOf(XLWorkbook workbook, string code) =>
        workbook.Worksheet(EntryTemplate.InputSheet).RowsUsed().Single(r => r.Cell(1).GetString() == code).RowNumber();

    internal static async Task<(HttpStatusCode Status, TemplatePreviewDto? Result)> UploadAsync(HttpClient client, byte[] bytes, bool preview = false, bool withToken = true)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "実績入力.xlsx" } };
        if (withToken)
        {
            form.Add(new StringContent(await DashboardFactory.AntiforgeryTokenAsync(client)), "__RequestVerificationToken");
        }

        var response = await client.PostAsync(preview ? "/api/imports/template/preview" : "/api/imports/template", form);
        // A refused import is the one outcome contract's 400 with what was read as "current".
        var result = response.Content.Headers.ContentType?.MediaType switch
        {
            "application/json" => await response.Content.ReadFromJsonAsync<TemplatePreviewDto>(),
            "application/problem+json" => (await response.Content.ReadFromJsonAsync<PreviewProblem>())?.Current,
            _ => null,
        };
        return (response.StatusCode, result);
    }

    [Fact]
    public async Task TemplateHoldsTheDepartmentsKpisWithOnlyInputCellsUnlocked()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(staff)));

        var sheet = workbook.Worksheet(EntryTemplate.InputSheet);
        Assert.True(sheet.IsProtected);
        Assert.Equal(["I02-K4", "I02-K5"], sheet.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
        var cash = sheet.Row(RowOf(workbook, "I02-K5"));
        Assert.True(cash.Cell(1).Style.Protection.Locked);
        Assert.True(cash.Cell(5).Style.Protection.Locked);
        Assert.False(cash.Cell(6).Style.Protection.Locked);
        Assert.False(cash.Cell(8).Style.Protection.Locked);
        Assert.True(cash.Cell(6).HasDataValidation);
        Assert.Equal(50, cash.Cell(5).GetDouble()); // expected by FY2025 Q4
        var milestone = sheet.Row(RowOf(workbook, "I02-K4"));
        Assert.True(milestone.Cell(6).HasDataValidation);
        Assert.False(milestone.Cell(7).Style.Protection.Locked);
        Assert.Equal(XLWorksheetVisibility.VeryHidden, workbook.Worksheet(EntryTemplate.MetaSheet).Visibility);
    }

    [Fact]
    public async Task PreviewSavesNothingAndImportSavesExactlyTheIntendedDraftsWithAudit()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var filled = Edit(await DownloadAsync(staff), w =>
        {
            var sheet = w.Worksheet(EntryTemplate.InputSheet);
            var cash = RowOf(w, "I02-K5");
            sheet.Cell(cash, 6).SetValue(56);
            sheet.Cell(cash, 8).SetValue("窓口でキャッシュレス決済を案内した。");
            sheet.Cell(cash, 9).SetValue("目標の50に届かない。");
            var counter = RowOf(w, "I02-K4");
            sheet.Cell(counter, 6).SetValue("完了");
            sheet.Cell(counter, 7).SetValue(new DateTime(2026, 3, 2));
            sheet.Cell(counter, 8).SetValue("窓口に決済端末を設置した。");
        });

        var (previewStatus, preview) = await UploadAsync(staff, filled, preview: true);
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.True(preview!.CanSave, string.Join("\n", preview.Errors));
        Assert.Contains(preview.Rows.Single(r => r.KpiCode == "I02-K5").Changes, c => c.Field == "実績値" && c.OldValue == null && c.NewValue == "56");
        Assert.Equal(0, await EntryCountAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "Entry")));

        var (status, result) = await UploadAsync(staff, filled);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(result!.Errors);
        var cashEntry = await GetAsync(staff, "I02-K5");
        Assert.Equal((56m, EntryState.Draft, "窓口でキャッシュレス決済を案内した。"), (cashEntry.Value, cashEntry.State, cashEntry.Done));
        var counterEntry = await GetAsync(staff, "I02-K4");
        Assert.Equal((Dashboard.Shared.Kpis.MilestoneState.Done, new DateOnly(2026, 3, 2)), (counterEntry.Milestone, counterEntry.MilestoneDate));
        Assert.Equal(2, await EntryCountAsync());
        var audited = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "Entry" && a.Actor == DashboardFactory.Demo.StaffKaikei).Select(a => a.Field).ToListAsync());
        Assert.Contains("Value", audited);
        Assert.Contains("Milestone", audited);
    }

    public static TheoryData<string, Func<byte[], byte[]>, string, int, string> Broken => new()
    {
        { "not our template", _ => NewWorkbook(), "入力用ファイルではありません", 0, "" },
        { "tampered code", b => Edit(b, w => w.Worksheet(EntryTemplate.InputSheet).Cell(2, 1).SetValue("I01-K1")), "指標コードが変更されています", 2, "A" },
        { "tampered hidden sheet", b => Edit(b, w => w.Worksheet(EntryTemplate.MetaSheet).Cell(2, 1).SetValue("CfDJ8forged")), "管理情報が変更されています", 0, "" },
        { "text for a number", b => Edit(b, w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K5"), 6).SetValue("たくさん")), "数値として読めません", 3, "F" },
        { "unknown milestone state", b => Edit(b, w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K4"), 6).SetValue("ほぼ完了")), "未着手", 2, "F" },
        { "percentage above 100 where a count is expected", b => Edit(b, w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K5"), 6).SetValue(-3)), "0以上", 3, "F" },
        { "corrupt file", _ => [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "Excelファイル（.xlsx）として読めません", 0, "" },
        { "not xlsx at all", _ => "コード,実績\nI02-K5,56"u8.ToArray(), "Excelファイル（.xlsx）として読めません", 0, "" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenUploadIsRefusedNamingSheetRowAndColumnWithNothingSaved(string _, Func<byte[], byte[]> breakIt, string message, int row, string column)
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var bytes = breakIt(await DownloadAsync(staff));

        var (status, result) = await UploadAsync(staff, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(result!.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((EntryTemplate.InputSheet, row, column), (error.Sheet, error.Row, error.Column));
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task ARunningTotalBelowTheLatestApprovedIsConfirmedInTheFormNotTakenFromAWorkbook()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        await App.WithDbAsync(async db =>
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "I01-K1");
            db.Entries.Add(new QuarterlyEntry { KpiId = kpi.Id, FiscalYear = Year, Quarter = Q - 1, Value = 188, State = EntryState.Approved, Version = Guid.NewGuid(), UpdatedBy = "test" });
            await db.SaveChangesAsync();
            return 0;
        });

        // The form and the API: refused until confirmed, in words that say what was probably typed.
        var refused = await PutAsync(staff, "I01-K1", Draft("12"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("直近の実績（188）より小さい値です。この四半期に増えた数ではなく、これまでの累計を入力してください。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(staff, "I01-K1", Draft("190"))).StatusCode);

        // A workbook has nothing to choose: the row's message sends the person to the form.
        var filled = Edit(await DownloadAsync(staff), w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I01-K1"), 6).SetValue(12));
        var (status, result) = await UploadAsync(staff, filled);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(result!.Errors);
        Assert.Equal("F", error.Column);
        Assert.EndsWith(EntryValidation.ConfirmInFormTail, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EntryValidation.ConfirmTail, error.Message, StringComparison.Ordinal);
        Assert.Equal(190m, (await GetAsync(staff, "I01-K1")).Value);

        var confirmed = await PutAsync(staff, "I01-K1", Draft("12", (await GetAsync(staff, "I01-K1")).Version) with { ConfirmUnlikely = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task AnotherDepartmentsTemplateIsRefusedRowByRow()
    {
        var kikaku = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKikaku);
        var kaikei = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var theirs = Edit(await DownloadAsync(kikaku), w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I01-K1"), 6).SetValue(150));

        var (status, result) = await UploadAsync(kaikei, theirs);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result!.Errors, e => e.Row == 2 && e.Column == "A" && e.Message.Contains("担当課の指標ではない", StringComparison.Ordinal));
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task ApprovedEntryIsRefusedAtItsRow()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var planner = await App.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var saved = await (await PutAsync(staff, "I02-K5", Draft("50", done: "達成", submit: true))).Content.ReadFromJsonAsync<EntryDto>();
        await planner.PostAsJsonAsync($"/api/review/I02-K5/{Year}/{Q}", new ReviewDecisionRequest(true, null, saved!.Version!.Value));
        var filled = Edit(await DownloadAsync(staff), w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K5"), 6).SetValue(49));

        var (status, result) = await UploadAsync(staff, filled);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result!.Errors, e => e.Row == 3 && e.Column == "A" && e.Message.Contains("承認済み", StringComparison.Ordinal));
        Assert.Equal(50m, (await GetAsync(staff, "I02-K5")).Value);
    }

    [Fact]
    public async Task ClosedQuarterIsRefused()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var filled = Edit(await DownloadAsync(staff), w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K5"), 6).SetValue(56));
        await (await App.SignedInClientAsync(DashboardFactory.Demo.Planner)).PostAsync($"/api/quarters/{Year}/{Q}/close", null);

        var (status, result) = await UploadAsync(staff, filled);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(result!.Errors, e => e.Message.Contains("締め切られている", StringComparison.Ordinal));
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task FileOverTheSizeCapIsRefused()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);

        var (status, _) = await UploadAsync(staff, new byte[EntryTemplate.MaxBytes + 1]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, await EntryCountAsync());
    }

    [Fact]
    public async Task UploadWithoutTheAntiforgeryTokenIsRefused()
    {
        var staff = await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei);
        var filled = Edit(await DownloadAsync(staff), w => w.Worksheet(EntryTemplate.InputSheet).Cell(RowOf(w, "I02-K5"), 6).SetValue(56));

        staff.DefaultRequestHeaders.Remove(Dashboard.Shared.Auth.RequestForgery.HeaderName);
        var (status, _) = await UploadAsync(staff, filled, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, await EntryCountAsync());
    }

    private static byte[] NewWorkbook()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("入力").Cell(1, 1).SetValue("コード");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private sealed record PreviewProblem(TemplatePreviewDto? Current);
}
