using Dashboard.Client.Features.Exports;
using Dashboard.Shared.Exports;

namespace Dashboard.Client.Tests;

/// <summary>The cells to correct after an upload say where, in the page's language; the workbook's sheet name stays its own word.</summary>
public sealed class TemplatePreviewTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();

    private static readonly TemplatePreviewDto Refused = new(0, 0, [],
    [
        new TemplateError("入力", 5, "F", "数値として読めません。"),
        new TemplateError("入力", 0, "", "This cannot be read as an Excel file (.xlsx)."),
    ]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        UiCulture.Use("ja-JP");
    }

    [Fact]
    public void InJapaneseTheCellIsNamedAsExcelNamesIt()
    {
        var items = _ctx.Render<TemplatePreview>(p => p.Add(x => x.Preview, Refused)).FindAll("[data-template-errors] li");

        Assert.Equal("「入力」シート 5行 F列: 数値として読めません。", items[0].TextContent);
        Assert.Equal("「入力」シート: This cannot be read as an Excel file (.xlsx).", items[1].TextContent);
    }

    [Fact]
    public void InEnglishTheCellIsNamedInEnglishAndTheSheetsNameIsMarkedJapanese()
    {
        UiCulture.Use("en");
        var items = _ctx.Render<TemplatePreview>(p => p.Add(x => x.Preview, Refused)).FindAll("[data-template-errors] li");

        Assert.Equal("Sheet 入力, row 5, column F: 数値として読めません。", items[0].TextContent);
        Assert.Equal("Sheet 入力: This cannot be read as an Excel file (.xlsx).", items[1].TextContent);
        Assert.Equal("ja", items[0].QuerySelector("span")!.GetAttribute("lang"));
        Assert.Equal("ja", items[0].QuerySelectorAll("span")[1].GetAttribute("lang")); // a Japanese message, read with the Japanese voice
        Assert.Null(items[1].QuerySelectorAll("span")[1].GetAttribute("lang"));
    }
}
