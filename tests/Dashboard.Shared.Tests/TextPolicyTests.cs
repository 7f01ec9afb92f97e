using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Review;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Tests;

/// <summary>One rule for every free-text field, and plausibility bounds per KPI kind.</summary>
public class TextPolicyTests
{
    private static readonly StatusThresholds _thresholds = new(0.9m, 0.7m);

    [Theory]
    [InlineData("窓口で案内した\u202E。", "向き")] // right-to-left override
    [InlineData("a\u2066b", "向き")] // isolate
    [InlineData("a\0b", "制御文字")]
    [InlineData("a\u0007b", "制御文字")]
    [InlineData("a\uFFFFb", "U+FFFF")]
    [InlineData("a\uFDD0b", "U+FDD0")]
    public void TextThatReadsDifferentlyFromWhatIsStoredIsRefused(string text, string message)
    {
        Assert.Contains(message, TextPolicy.Problem(text, "実施内容", multiline: true), StringComparison.Ordinal);
        Assert.NotNull(TextPolicy.Problem(text, "表示名", multiline: false));
    }

    [Fact]
    public void BrokenSurrogatePairsAreRefused()
    {
        // Built at run time: attribute data cannot hold a lone surrogate.
        foreach (var text in new[] { "a" + (char)0xD800 + "b", "a" + (char)0xDC00 })
        {
            Assert.Contains("壊れた", TextPolicy.Problem(text, "実施内容", multiline: true), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("１行目\n２行目\tタブ", true, true)]
    [InlineData("１行目\n２行目", false, false)]
    [InlineData("ＡＢＣ １２３ ｶﾀｶﾅ 髙﨑 𠮷野家 \uE000", true, true)] // full width, half-width kana, IVS-free 異体字, a surrogate pair, 外字
    [InlineData("=SUM(A1)", true, true)]
    public void OrdinaryJapaneseTextIsKept(string text, bool multiline, bool allowed) =>
        Assert.Equal(allowed, TextPolicy.Problem(text, "メモ", multiline) is null);

    [Fact]
    public void KeptTextIsTrimmedAndComposedButNotWidthFolded()
    {
        Assert.Equal("が１２３", TextPolicy.Clean("  か\u3099１２３\n"));
        Assert.Null(TextPolicy.Clean(" \n\t "));
    }

    public static TheoryData<string, SaveEntryRequest, string> RefusedEntries => new()
    {
        { "bidi override in a note", new("150", null, null, "実施\u202E", null, null, null, null, false), nameof(SaveEntryRequest.Done) },
        { "U+FFFF in a note", new("150", null, null, null, "評価\uFFFF", null, null, null, false), nameof(SaveEntryRequest.Check) },
        { "NUL in the evidence URL", new("150", null, null, null, null, null, "https://example.jp/\0a", null, false), nameof(SaveEntryRequest.EvidenceUrl) },
        { "999,999,999,999 where the target is 200", new("999999999999", null, null, null, null, null, null, null, false), nameof(SaveEntryRequest.Value) },
    };

    [Theory]
    [MemberData(nameof(RefusedEntries))]
    public void EntriesWithGarbageOrImpossibleFiguresAreRefused(string _, SaveEntryRequest request, string field)
    {
        var check = EntryValidation.Check(Kpis.OnlineProcedures, new FiscalQuarter(2025, 3), request, _thresholds);

        Assert.True(check.Errors.ContainsKey(field), string.Join(", ", check.Errors.Keys));
    }

    [Theory]
    [InlineData(nameof(Kpis.OnlineProcedures), "2000", false)] // 10x the final target of 200
    [InlineData(nameof(Kpis.OnlineProcedures), "2001", true)]
    [InlineData(nameof(Kpis.SnsSubscribers), "150000", false)]
    [InlineData(nameof(Kpis.SnsSubscribers), "200001", true)]
    [InlineData(nameof(Kpis.CashPayments), "1001", true)] // 10x the baseline of 100
    [InlineData(nameof(Kpis.CyberAttackDamage), "100", false)] // zero target: up to 100 incidents is believable
    [InlineData(nameof(Kpis.CyberAttackDamage), "101", true)]
    [InlineData(nameof(Kpis.CardUptake), "100", false)]
    public void AnUnlikelyFigureNeedsConfirmationPerKind(string kpi, string value, bool unlikely)
    {
        var definition = Kpis.Named(kpi);
        var quarter = new FiscalQuarter(2025, 3);

        var unconfirmed = EntryValidation.Check(definition, quarter, new(value, null, null, null, null, null, null, null, false), _thresholds);
        var confirmed = EntryValidation.Check(definition, quarter, new(value, null, null, null, null, null, null, null, false, ConfirmUnlikely: true), _thresholds);

        Assert.Equal(unlikely, unconfirmed.Errors.TryGetValue(nameof(SaveEntryRequest.Value), out var errors) && errors[0].StartsWith(EntryValidation.UnlikelyPrefix, StringComparison.Ordinal));
        Assert.False(confirmed.Errors.ContainsKey(nameof(SaveEntryRequest.Value)));
    }

    [Theory]
    [InlineData(nameof(Kpis.OnlineProcedures), "187", true)] // a running total below the latest approved 188
    [InlineData(nameof(Kpis.OnlineProcedures), "5", true)] // the quarter's increase typed instead of the total
    [InlineData(nameof(Kpis.OnlineProcedures), "188", false)]
    [InlineData(nameof(Kpis.OnlineProcedures), "190", false)]
    [InlineData(nameof(Kpis.SnsSubscribers), "187", false)] // a stock level may fall
    public void ARunningTotalBelowTheLatestApprovedNeedsConfirmation(string kpi, string value, bool below)
    {
        var definition = Kpis.Named(kpi);
        var quarter = new FiscalQuarter(2025, 4);

        var unconfirmed = EntryValidation.Check(definition, quarter, new(value, null, null, null, null, null, null, null, false), _thresholds, lastApproved: 188);
        var confirmed = EntryValidation.Check(definition, quarter, new(value, null, null, null, null, null, null, null, false, ConfirmUnlikely: true), _thresholds, lastApproved: 188);
        var nothingBefore = EntryValidation.Check(definition, quarter, new(value, null, null, null, null, null, null, null, false), _thresholds);

        Assert.Equal(below, unconfirmed.Errors.TryGetValue(nameof(SaveEntryRequest.Value), out var errors)
            && errors[0] == "確認: 累計の指標ですが、直近の実績（188）より小さい値です。この四半期に増えた数ではなく、これまでの累計を入力してください。正しければ「この値で正しい」を選んでください。");
        Assert.True(confirmed.IsValid);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), confirmed.Value);
        Assert.True(nothingBefore.IsValid);
    }

    [Fact]
    public void AKpiWithoutTargetsYetIsJudgedAgainstItsLatestApprovedFigureToo()
    {
        // A 第2期 plan's KPI before its targets are set: baseline 1, the carried figure 18. 19 is the next running total.
        var fresh = Kpis.OnlineProcedures with { Targets = [], BaselineValue = 1 };
        var request = new SaveEntryRequest("19", null, null, null, null, null, null, null, false);

        Assert.False(EntryValidation.Check(fresh, new FiscalQuarter(2026, 1), request, _thresholds).IsValid);
        Assert.True(EntryValidation.Check(fresh, new FiscalQuarter(2026, 1), request, _thresholds, lastApproved: 18).IsValid);
        Assert.Equal(180, EntryValidation.IsUnlikely(fresh, 181, lastApproved: 18));
    }

    [Theory]
    [InlineData(2024, 2, 9, 30, true)] // the quarter's last day
    [InlineData(2024, 2, 10, 1, false)] // after it
    [InlineData(2024, 2, 2100, 12, false)]
    public void AMilestoneCannotBeCompletedAfterTheQuarterItIsReportedFor(int fy, int q, int yearOrMonth, int monthOrDay, bool allowed)
    {
        var date = yearOrMonth > 12 ? new DateOnly(yearOrMonth, monthOrDay, 31) : new DateOnly(fy, yearOrMonth, monthOrDay);
        var request = new SaveEntryRequest(null, MilestoneState.Done, date, "完了した", null, null, null, null, true);

        var check = EntryValidation.Check(Kpis.OnlineElectronicPayment, new FiscalQuarter(fy, q), request, _thresholds);

        Assert.Equal(allowed, !check.Errors.ContainsKey(nameof(SaveEntryRequest.MilestoneDate)));
    }

    [Theory]
    [InlineData("tanaka@city.goshogawara.example", "田中 一郎", null)]
    [InlineData("o'brien@city.example.jp", "オブライエン", null)]
    [InlineData("ta\u0007naka@demo.local", "田中", nameof(SaveUserRequest.LoginName))]
    [InlineData("<script>@demo.local", "田中", nameof(SaveUserRequest.LoginName))]
    [InlineData("tanaka@demo", "田中", nameof(SaveUserRequest.LoginName))]
    [InlineData("yamada", "山田 花子", null)] // a login ID: Active Directory, Windows sign-in, local accounts
    [InlineData("t.yamada-2", "山田 太郎", null)]
    [InlineData("yamada hanako", "山田 花子", nameof(SaveUserRequest.LoginName))]
    [InlineData("山田", "山田 花子", nameof(SaveUserRequest.LoginName))]
    [InlineData("ｙａｍａｄａ", "山田 花子", nameof(SaveUserRequest.LoginName))]
    [InlineData(@"CITY\yamada", "山田 花子", nameof(SaveUserRequest.LoginName))]
    [InlineData("-yamada", "山田 花子", nameof(SaveUserRequest.LoginName))]
    [InlineData("tanaka@demo.local", "田中\u202E", nameof(SaveUserRequest.DisplayName))]
    public void PeopleAreNamedWithPlainText(string login, string name, string? field)
    {
        var errors = AdminValidation.Validate(new SaveUserRequest(login, name, AppRoles.Committee, [], true));

        Assert.Equal(field is null ? [] : [field], errors.Keys.ToArray());
    }

    [Theory]
    [InlineData("会計課", true)]
    [InlineData("会計課\u202E", false)]
    [InlineData("会計\n課", false)]
    public void DepartmentNamesArePlainText(string name, bool allowed) =>
        Assert.Equal(allowed, AdminValidation.Validate(new SaveDepartmentRequest("kaikei", name)).Count == 0);

    [Theory]
    [InlineData(false, "数値が想定と違うため", null)]
    [InlineData(false, "  ", "差し戻す理由")]
    [InlineData(true, null, null)]
    [InlineData(false, "理由\u202E", "向き")]
    public void ReviewCommentsFollowTheSameRule(bool approve, string? comment, string? message)
    {
        var problem = ReviewValidation.Comment(approve, comment);

        if (message is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(message, problem, StringComparison.Ordinal);
        }

        Assert.NotNull(ReviewValidation.ReopenReason("誤り訂正\0"));
        Assert.NotNull(ReviewValidation.ReopenReason("誤り訂正\u202E"));
        Assert.Null(ReviewValidation.ReopenReason("数値の誤りを訂正するため"));
    }
}
