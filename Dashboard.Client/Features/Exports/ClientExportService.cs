using Dashboard.Shared.Problems;
using Dashboard.Client.Features.Problems;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Exports;
using Microsoft.AspNetCore.Components.Forms;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Exports;

/// <summary>Files through the API. Uploads are form posts and carry the antiforgery token.</summary>
public sealed class ClientExportService(HttpClient http, AntiforgeryStateProvider antiforgery) : IExportService
{
    public Task<ExportFile?> BuildPackAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default) =>
        DownloadAsync($"api/exports/pack?{QuarterAddress.Query(fiscalYear, quarter)}", "PDCA資料.xlsx", cancellationToken);

    public Task<ExportFile?> BuildTemplateAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default) =>
        DownloadAsync($"api/exports/template?{QuarterAddress.Query(fiscalYear, quarter)}", "実績入力.xlsx", cancellationToken);

    public Task<TemplatePreviewDto> PreviewTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default) =>
        UploadAsync("api/imports/template/preview", upload, cancellationToken);

    public async Task<Outcome<TemplatePreviewDto>> ImportTemplateAsync(ExportFile upload, CancellationToken cancellationToken = default)
    {
        using var form = Form(upload);
        return await ProblemReader.ReadAsync<TemplatePreviewDto>(http.PostAsync("api/imports/template", form, cancellationToken), cancellationToken);
    }

    private async Task<ExportFile?> DownloadAsync(string url, string fallbackName, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return new ExportFile(response.Content.Headers.ContentDisposition?.FileNameStar ?? fallbackName, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    private async Task<TemplatePreviewDto> UploadAsync(string url, ExportFile upload, CancellationToken cancellationToken)
    {
        using var form = Form(upload);
        using var response = await http.PostAsync(url, form, cancellationToken);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            return (await response.Content.ReadFromJsonAsync<TemplatePreviewDto>(cancellationToken))!;
        }

        var message = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => "この操作をする権限がありません。",
            HttpStatusCode.BadRequest => "ファイルが大きすぎるか、読み取れませんでした。ダウンロードした入力用ファイルをお使いください。",
            _ => $"アップロードできませんでした（{(int)response.StatusCode}）。もう一度お試しください。",
        };
        return new TemplatePreviewDto(0, 0, [], [new TemplateError("入力", 0, "", message)]);
    }

    private MultipartFormDataContent Form(ExportFile upload)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(upload.Content), "file", upload.FileName } };
        if (antiforgery.GetAntiforgeryToken() is { } token)
        {
            form.Add(new StringContent(token.Value), token.FormFieldName);
        }

        return form;
    }
}
