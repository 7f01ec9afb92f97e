using System.Net;
using Dashboard.Shared.Exports;

namespace Dashboard.Client.Features.Exports;

/// <summary>Downloads the pack through the API.</summary>
public sealed class ClientExportService(HttpClient http) : IExportService
{
    public async Task<ExportFile?> BuildPackAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/exports/pack?fiscalYear={fiscalYear}&quarter={quarter}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return new ExportFile(response.Content.Headers.ContentDisposition?.FileNameStar ?? "PDCA資料.xlsx", await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
