using System.Text.RegularExpressions;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Review;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Tests;

/// <summary>The entry and review rules answer in the page's language: Japanese first, English when the person chose it.</summary>
public partial class MessageLanguageTests
{
    private static readonly StatusThresholds _thresholds = new(0.9m, 0.7m);
    private static readonly FiscalQuarter _quarter = new(2025, 3);

    public static TheoryData<string, KpiDefinition, SaveEntryRequest> BadEntries => new()
    {
        { "not a number", Kpis.OnlineProcedures, Entry("abc") },
        { "too large", Kpis.OnlineProcedures, Entry("999999999999999") },
        { "negative", Kpis.OnlineProcedures, Entry("-1") },
        { "a fraction of a count", Kpis.OnlineProcedures, Entry("1.5") },
        { "a percentage over 100", Kpis.CardUptake, Entry("101") },
        { "three decimals", Kpis.CardUptake, Entry("1.125") },
        { "ten times the target", Kpis.OnlineProcedures, Entry("5000") },
        { "a figure for an activity", Kpis.SmartphoneClasses, Entry("3") },
        { "a milestone state for a count", Kpis.OnlineProcedures, Entry("150") with { Milestone = MilestoneState.Done } },
        { "a completion date after the quarter", Kpis.OnlineElectronicPayment, Entry(null) with { Milestone = MilestoneState.Done, MilestoneDate = new(2026, 1, 5) } },
        { "a completion date before the plan", Kpis.OnlineElectronicPayment, Entry(null) with { Milestone = MilestoneState.Done, MilestoneDate = new(2022, 1, 5) } },
        { "a completion date while in progress", Kpis.OnlineElectronicPayment, Entry(null) with { Milestone = MilestoneState.InProgress, MilestoneDate = new(2025, 10, 5) } },
        { "a note too long", Kpis.OnlineProcedures, Entry("150") with { Done = new string('あ', EntryValidation.NoteMaxLength + 1) } },
        { "a control character in a note", Kpis.OnlineProcedures, Entry("150") with { Check = "a\0b" } },
        { "a direction override in a note", Kpis.OnlineProcedures, Entry("150") with { Act = "a\u202Eb" } },
        { "a link that is not http", Kpis.OnlineProcedures, Entry("150") with { EvidenceUrl = "ftp://example.jp/a" } },
        { "submitted without a figure or notes", Kpis.OnlineProcedures, Entry(null) with { Submit = true } },
        { "submitted late without a check", Kpis.OnlineProcedures, Entry("101") with { Done = "実施", Submit = true } },
        { "a milestone submitted without a state", Kpis.OnlineElectronicPayment, Entry(null) with { Done = "実施", Submit = true } },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void EveryEntryMessageIsJapaneseFirstAndEnglishOnAnEnglishPage(string _, KpiDefinition kpi, SaveEntryRequest request)
    {
        var japanese = Messages(EntryValidation.Check(kpi, _quarter, request, _thresholds, new DateOnly(2022, 10, 1)));
        string[] english;
        using (RuleCulture.English())
        {
            english = Messages(EntryValidation.Check(kpi, _quarter, request, _thresholds, new DateOnly(2022, 10, 1)));
        }

        Assert.NotEmpty(japanese);
        Assert.All(japanese, m => Assert.Matches(JapaneseText(), m));
        Assert.Equal(japanese.Length, english.Length);
        Assert.All(english, m => Assert.DoesNotMatch(JapaneseText(), m));
    }

    [Fact]
    public void AConfirmationIsRecognisedInEitherLanguageAndItsEndingReplaced()
    {
        var japanese = Messages(EntryValidation.Check(Kpis.OnlineProcedures, _quarter, Entry("5"), _thresholds, lastApproved: 188m)).Single();
        string english;
        using (RuleCulture.English())
        {
            english = Messages(EntryValidation.Check(Kpis.OnlineProcedures, _quarter, Entry("5"), _thresholds, lastApproved: 188m)).Single();
            Assert.Equal("If it is right, enter this indicator in the entry form and choose \u201cThis figure is right\u201d there.", EntryValidation.ConfirmInFormTail);
        }

        Assert.True(EntryValidation.AsksToConfirm(japanese));
        Assert.True(EntryValidation.AsksToConfirm(english));
        Assert.False(EntryValidation.AsksToConfirm("Enter a number of 0 or more."));
        Assert.StartsWith("Check: this indicator is a running total", english, StringComparison.Ordinal);
        Assert.Contains("188", english, StringComparison.Ordinal);
        Assert.EndsWith("flag", EntryValidation.ConfirmedElsewhere(english, "flag"), StringComparison.Ordinal);
        Assert.DoesNotContain("This figure is right", EntryValidation.ConfirmedElsewhere(english, "flag"), StringComparison.Ordinal);
        Assert.EndsWith("flag", EntryValidation.ConfirmedElsewhere(japanese, "flag"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewReasonsAnswerInThePagesLanguage()
    {
        Assert.Equal("差し戻す理由を入力してください。担当課に表示されます。", ReviewValidation.Comment(approve: false, comment: null));
        using (RuleCulture.English())
        {
            Assert.Equal("Enter the reason for returning it. The department will see it.", ReviewValidation.Comment(approve: false, comment: null));
            Assert.Equal("The comment contains a control character that cannot be stored.", ReviewValidation.Comment(approve: true, comment: "a\u0007b"));
            Assert.StartsWith("Enter the reason for reopening", ReviewValidation.ReopenReason(" "), StringComparison.Ordinal);
            Assert.Equal("The number is too large.", KpiValueParser.TryParse("1000000000000", out _, out var error) ? null : error);
        }
    }

    private static SaveEntryRequest Entry(string? value) => new(value, null, null, null, null, null, null, null, false);

    private static string[] Messages(EntryCheck check) => check.Errors.Values.SelectMany(v => v).ToArray();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseText();
}
