using Dashboard.Shared.Findings;
using Dashboard.Shared.Problems;

namespace Dashboard.Client.Tests;

/// <summary>
/// For page tests: the findings the server would answer with, fixed. The findings themselves (who sees and changes
/// what) are proven against the server and the HTTP client in ServiceContractTests and FindingApiTests.
/// </summary>
internal sealed class FixedFindings(params FindingDto[] findings) : IFindingService
{
    public static FindingDto Open(long id, string department, string departmentName, string request, DateOnly due, FindingState state = FindingState.NotStarted) =>
        new(id, 1, 2, "キャッシュレス決済の推進", null, null, department, departmentName, due, request, state, null, null, null, null, null, true, false);

    public Task<Outcome<FindingsDto>> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Ok(new FindingsDto([new MeetingDto(1, "第3回 DX推進本部会議", new DateOnly(2026, 1, 15), 2025, 3, "高橋 美咲", findings)],
            false, FindingChoicesDto.None, new DateOnly(2026, 2, 1))));

    public Task<Outcome<MeetingDto>> RecordMeetingAsync(RecordMeetingRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Forbidden<MeetingDto>("このテストでは記録しません。"));

    public Task<Outcome<FindingDto>> RespondAsync(long id, RespondFindingRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Forbidden<FindingDto>("このテストでは記録しません。"));

    public Task<Outcome<FindingDto>> ConfirmAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outcome.Forbidden<FindingDto>("このテストでは記録しません。"));
}
