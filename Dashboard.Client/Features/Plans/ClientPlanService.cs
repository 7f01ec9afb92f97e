using System.Net;
using System.Net.Http.Json;
using Dashboard.Client.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Features.Plans;

/// <summary>Reads plans through the server API.</summary>
public sealed class ClientPlanService(HttpClient http) : IPlanService
{
    public async Task<PlanDto?> GetCurrentPlanAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/plans/current", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PlanDto>(cancellationToken);
    }

    public async Task<PlanDto?> GetEditionAsync(string code, int number, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/plans/{Uri.EscapeDataString(code)}/editions/{number}", cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<PlanDto>(cancellationToken) : null;
    }

    public async Task<PlanDto?> GetPlanAsync(string code, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/plans/{Uri.EscapeDataString(code)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PlanDto>(cancellationToken);
    }

    public Task<Outcome<PlanSummaryDto>> CreateSuccessorAsync(string code, SuccessorRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<PlanSummaryDto>(http.PostAsJsonAsync($"api/plans/{Uri.EscapeDataString(code)}/successor", request, cancellationToken), cancellationToken);

    public Task<Outcome<SuccessionDto>> SetDispositionAsync(string code, string predecessorKpiCode, DispositionRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<SuccessionDto>(http.PutAsJsonAsync(
            $"api/plans/{Uri.EscapeDataString(code)}/successions/{Uri.EscapeDataString(predecessorKpiCode)}", request, cancellationToken), cancellationToken);

    public Task<Outcome<KpiDto>> SetDraftTargetAsync(string code, string kpiCode, int fiscalYear, DraftTargetRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<KpiDto>(http.PutAsJsonAsync(
            $"api/plans/{Uri.EscapeDataString(code)}/kpis/{Uri.EscapeDataString(kpiCode)}/targets/{fiscalYear}", request, cancellationToken), cancellationToken);

    public Task<Outcome<PlanSummaryDto>> StartAsync(string code, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<PlanSummaryDto>(http.PostAsync($"api/plans/{Uri.EscapeDataString(code)}/start", null, cancellationToken), cancellationToken);

    public Task<Dashboard.Shared.Exports.ExportFile?> ExportWorkbookAsync(string code, CancellationToken cancellationToken = default) =>
        DownloadAsync($"api/plans/{Uri.EscapeDataString(code)}/workbook", cancellationToken);

    public Task<Dashboard.Shared.Exports.ExportFile?> ExportSeedAsync(string code, CancellationToken cancellationToken = default) =>
        DownloadAsync($"api/plans/{Uri.EscapeDataString(code)}/seed.json", cancellationToken);

    public async Task<Outcome<PlanSummaryDto>> ImportAsync(Dashboard.Shared.Exports.ExportFile upload, CancellationToken cancellationToken = default)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(upload.Content), "file", upload.FileName } };
        return await ProblemReader.ReadAsync<PlanSummaryDto>(http.PostAsync("api/plans/import", content, cancellationToken), cancellationToken);
    }

    private async Task<Dashboard.Shared.Exports.ExportFile?> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode
            ? new Dashboard.Shared.Exports.ExportFile(response.Content.Headers.ContentDisposition?.FileNameStar ?? "plan", await response.Content.ReadAsByteArrayAsync(cancellationToken))
            : null;
    }

    public Task<Outcome<KpiDto>> SaveKpiAsync(string code, string? kpiCode, KpiEditRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<KpiDto>(kpiCode is null
            ? http.PostAsJsonAsync($"api/plans/{Uri.EscapeDataString(code)}/kpis", request, cancellationToken)
            : http.PutAsJsonAsync($"api/plans/{Uri.EscapeDataString(code)}/kpis/{Uri.EscapeDataString(kpiCode)}", request, cancellationToken), cancellationToken);

    public Task<Outcome<string>> RenameAsync(string code, int? policyNumber, int? initiativeNumber, HeadingEditRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<string>(http.PutAsJsonAsync(initiativeNumber is { } n
            ? $"api/plans/{Uri.EscapeDataString(code)}/initiatives/{n}"
            : $"api/plans/{Uri.EscapeDataString(code)}/policies/{policyNumber}", request, cancellationToken), cancellationToken);

    public Task<Outcome<string>> AddHeadingAsync(string code, HeadingAddRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<string>(http.PostAsJsonAsync(request.PolicyNumber is { } p
            ? $"api/plans/{Uri.EscapeDataString(code)}/policies/{p}/initiatives"
            : $"api/plans/{Uri.EscapeDataString(code)}/policies", request, cancellationToken), cancellationToken);

    public Task<Outcome<string>> RemoveHeadingAsync(string code, int? policyNumber, int? initiativeNumber, KpiRemovalRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<string>(http.PostAsJsonAsync(initiativeNumber is { } n
            ? $"api/plans/{Uri.EscapeDataString(code)}/initiatives/{n}/remove"
            : $"api/plans/{Uri.EscapeDataString(code)}/policies/{policyNumber}/remove", request, cancellationToken), cancellationToken);

    public Task<Outcome<string>> RemoveKpiAsync(string code, string kpiCode, KpiRemovalRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<string>(http.PostAsJsonAsync($"api/plans/{Uri.EscapeDataString(code)}/kpis/{Uri.EscapeDataString(kpiCode)}/remove", request, cancellationToken), cancellationToken);

    public Task<Outcome<PlanRevisionDto>> ReviseAsync(PlanRevisionRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<PlanRevisionDto>(http.PostAsJsonAsync("api/plans/current/revisions", request, cancellationToken), cancellationToken);

    public Task<Outcome<KpiDto>> ReviseTargetAsync(string kpiCode, int fiscalYear, TargetRevisionRequest request, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<KpiDto>(http.PutAsJsonAsync($"api/plans/current/kpis/{Uri.EscapeDataString(kpiCode)}/targets/{fiscalYear}", request, cancellationToken), cancellationToken);

    public Task<Outcome<Done>> SaveGradingAsync(GradeScale grading, CancellationToken cancellationToken = default) =>
        ProblemReader.ReadAsync<Done>(http.PutAsJsonAsync("api/plans/current/grading", grading, cancellationToken), cancellationToken);
}
