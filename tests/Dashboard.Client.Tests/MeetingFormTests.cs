using Dashboard.Client.Features.Findings;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Client.Tests;

/// <summary>
/// Recording a meeting: the request carries what was chosen and typed (dates through the native inputs), and the form
/// left for the next meeting is clean: the emptied required fields said "Required" in red under the success message.
/// </summary>
public sealed class MeetingFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly RecordingFindings _service = new();
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private static readonly FindingChoicesDto _choices = new(
        [new FindingInitiativeDto(2, "キャッシュレス決済の推進", [], ["kaikei"])],
        [new FindingDepartmentDto("kaikei", "会計課")],
        [new QuarterOption(2025, 3, IsClosed: true)]);

    public MeetingFormTests()
    {
        _ctx.Services.AddSingleton<IFindingService>(_service);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void ARecordedMeetingLeavesACleanFormForTheNext()
    {
        _popovers = _ctx.Render<MudPopoverProvider>();
        var form = _ctx.Render<MeetingForm>(p => p.Add(f => f.Choices, _choices));

        form.Find("input[name='title']").Change("第3回 DX推進本部会議");
        form.Find("input[name='heldOn']").Change("2026-01-15");
        foreach (var field in (string[])["quarter", "initiative", "department"])
        {
            MudComponents.ChooseFirst(_popovers, form.Find($"[data-field='{field}']"));
        }
        form.Find("input[name='due-0']").Change("2026-02-27");
        form.Find("[data-finding-row='0'] textarea").Input("月別の推移を示すこと。");
        form.Find("[data-action='record-meeting']").Click();

        // The form is validated before the request goes: the click returns before the save is made.
        form.WaitForAssertion(() => Assert.Single(_service.Recorded));
        var request = _service.Recorded[0];
        Assert.Equal(("第3回 DX推進本部会議", new DateOnly(2026, 1, 15), 2025, 3), (request.Title, request.HeldOn, request.FiscalYear, request.Quarter));
        var finding = Assert.Single(request.Findings!);
        Assert.Equal((2, "kaikei", new DateOnly(2026, 2, 27), "月別の推移を示すこと。"), (finding.InitiativeNumber, finding.DepartmentCode, finding.DueOn, finding.Request));

        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".mud-input-helper-text.mud-input-error")));
        Assert.Equal("", form.Find("input[name='heldOn']").GetAttribute("value") ?? "");
        Assert.Equal("", form.Find("input[name='due-0']").GetAttribute("value") ?? "");
    }

    private sealed class RecordingFindings : IFindingService
    {
        public List<RecordMeetingRequest> Recorded { get; } = [];

        public Task<Outcome<MeetingDto>> RecordMeetingAsync(RecordMeetingRequest request, CancellationToken cancellationToken = default)
        {
            Recorded.Add(request);
            return Task.FromResult(Outcome.Ok(new MeetingDto(1, request.Title!, request.HeldOn!.Value, request.FiscalYear!.Value, request.Quarter!.Value, "高橋 美咲", [])));
        }

        public Task<Outcome<FindingsDto>> GetAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<FindingDto>> RespondAsync(long id, RespondFindingRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Outcome<FindingDto>> ConfirmAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
