using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class EntryValidationTests
{
    [Theory]
    [InlineData("１２３", 123.0)]
    [InlineData("１，２３４．５", 1234.5)]
    [InlineData("12,345,678", 12345678.0)]
    [InlineData("　42　", 42.0)]
    [InlineData("-0", 0.0)]
    [InlineData("－３", -3.0)]
    [InlineData("0.25", 0.25)]
    public void FiguresAsTypedAreRead(string text, double expected)
    {
        Assert.True(KpiValueParser.TryParse(text, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("12,3")]
    [InlineData("1,23,456")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("1.2.3")]
    [InlineData("１２ ３")]
    [InlineData("0x10")]
    [InlineData("1000000000000")]
    public void WhatIsNotAFigureIsRefusedWithAReason(string text)
    {
        Assert.False(KpiValueParser.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void BlankIsNotEntered(string? text)
    {
        Assert.True(KpiValueParser.TryParse(text, out var value, out _));
        Assert.Null(value);
    }

    private static SaveEntryRequest Request(string? value = null, bool submit = false, string? done = "実施", string? check = null, MilestoneState? milestone = null, DateOnly? date = null) =>
        new(value, milestone, date, done, check, null, null, null, submit);

    [Fact]
    public void StatusIsComputedAsTheFigureIsTyped()
    {
        var q = new FiscalQuarter(2023, 2); // expected 120
        Assert.Equal(KpiStatus.OnTrack, EntryValidation.Check(Kpis.OnlineProcedures, q, Request("１２０"), StatusThresholds.Default).Status);
        Assert.Equal(KpiStatus.Delayed, EntryValidation.Check(Kpis.OnlineProcedures, q, Request("100"), StatusThresholds.Default).Status);
        Assert.Equal(KpiStatus.NotReported, EntryValidation.Check(Kpis.OnlineProcedures, q, Request(null, done: null), StatusThresholds.Default).Status);
    }

    [Theory]
    [InlineData(nameof(Kpis.OnlineProcedures), "12.5", "整数")]
    [InlineData(nameof(Kpis.CardUptake), "100.1", "0から100")]
    [InlineData(nameof(Kpis.CardUptake), "85.555", "2桁")]
    [InlineData(nameof(Kpis.CashPayments), "-1", "0以上")]
    [InlineData(nameof(Kpis.SmartphoneClasses), "3", "数値を入力しません")]
    public void FigureRulesDependOnTheKind(string kpi, string value, string message)
    {
        var check = EntryValidation.Check(Kpis.Named(kpi), new FiscalQuarter(2024, 1), Request(value), StatusThresholds.Default);
        Assert.Contains(message, check.Errors["Value"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void SubmittingNeedsTheFigureTheDoNoteAndForWeakStatusesTheCheckNote()
    {
        var q = new FiscalQuarter(2023, 2);
        var empty = EntryValidation.Check(Kpis.OnlineProcedures, q, Request(null, submit: true, done: null), StatusThresholds.Default);
        Assert.Equal(["Done", "Value"], empty.Errors.Keys.Order());

        var delayed = EntryValidation.Check(Kpis.OnlineProcedures, q, Request("100", submit: true), StatusThresholds.Default);
        Assert.Equal(["Check"], delayed.Errors.Keys);
        Assert.Contains("遅延", delayed.Errors["Check"][0], StringComparison.Ordinal);

        var explained = EntryValidation.Check(Kpis.OnlineProcedures, q, Request("100", submit: true, check: "申請が少ない"), StatusThresholds.Default);
        Assert.True(explained.IsValid);

        var draft = EntryValidation.Check(Kpis.OnlineProcedures, q, Request("100", submit: false), StatusThresholds.Default);
        Assert.True(draft.IsValid); // a draft may be incomplete
    }

    [Fact]
    public void OverdueMilestoneNeedsTheCheckNoteAndDoneNeedsADate()
    {
        var overdue = EntryValidation.Check(Kpis.OnlineElectronicPayment, new FiscalQuarter(2024, 2), Request(submit: true, milestone: MilestoneState.InProgress), StatusThresholds.Default);
        Assert.Equal(["Check"], overdue.Errors.Keys);

        var done = EntryValidation.Check(Kpis.OnlineElectronicPayment, new FiscalQuarter(2023, 2), Request(submit: true, milestone: MilestoneState.Done), StatusThresholds.Default);
        Assert.Equal(["MilestoneDate"], done.Errors.Keys);

        var dateWithoutDone = EntryValidation.Check(Kpis.OnlineElectronicPayment, new FiscalQuarter(2023, 2), Request(milestone: MilestoneState.InProgress, date: new DateOnly(2023, 9, 1)), StatusThresholds.Default);
        Assert.Equal(["MilestoneDate"], dateWithoutDone.Errors.Keys);
    }

    [Theory]
    [InlineData("ok\nnew line\ttab", true)]
    [InlineData("bell\u0007", false)]
    [InlineData("null\u0000", false)]
    public void NotesMayHoldLineBreaksButNoOtherControlCharacters(string note, bool valid) =>
        Assert.Equal(valid, EntryValidation.Check(Kpis.OnlineProcedures, new FiscalQuarter(2023, 2), Request("120", done: note), StatusThresholds.Default).IsValid);

    [Fact]
    public void HalfWidthMapsWhatAnImeTypes() =>
        Assert.Equal("FY2025 Q3, -1,234.5!", HalfWidth.Of("ＦＹ２０２５　Ｑ３，　－１，２３４．５！"));
}
