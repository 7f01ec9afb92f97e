using Dashboard.Shared.Threads;

namespace Dashboard.Shared.Tests;

/// <summary>Mentions in Japanese text, where no space ends a word: the longest known handle after an @ wins.</summary>
public class MentionTests
{
    private static readonly string[] _handles = ["企画課", "企画課（DX推進担当）", "kikaku", "会計課", "tanaka", "tanaka@demo.local", "田中一郎"];

    [Theory]
    [InlineData("@企画課 確認してください", "企画課", "")]
    [InlineData("@企画課確認してください", "企画課", "")]
    [InlineData("件数について@会計課、@田中一郎さんに", "会計課|田中一郎", "")]
    [InlineData("＠企画課（DX推進担当）へ", "企画課（DX推進担当）", "")]
    [InlineData("@tanaka@demo.local さん", "tanaka@demo.local", "")]
    [InlineData("@TANAKA さん", "tanaka", "")]
    [InlineData("@企画課 と @企画課 に二度", "企画課", "")]
    [InlineData("@市民課 にも", "", "市民課")]
    [InlineData("@存在しない、@企画課", "企画課", "存在しない")]
    [InlineData("連絡先は info@example.jp です", "", "")]
    [InlineData("メールは a@企画課 ではない", "", "")]
    [InlineData("@ だけ", "", "")]
    public void FindsTheLongestKnownHandleAndReportsTheRest(string text, string found, string unknown)
    {
        var (f, u) = Mentions.Find(text, _handles);
        Assert.Equal(found.Length == 0 ? [] : found.Split('|'), f);
        Assert.Equal(unknown.Length == 0 ? [] : unknown.Split('|'), u);
    }

    [Theory]
    [InlineData("企画課（DX推進担当）", "企画課")]
    [InlineData("田中 一郎（企画課 担当者）", "田中一郎")]
    [InlineData("会計課", "会計課")]
    public void ShortNamesDropTheBracketAndSpaces(string name, string handle) => Assert.Equal(handle, Mentions.ShortName(name));

    [Theory]
    [InlineData(null, "入力")]
    [InlineData("  ", "入力")]
    [InlineData("ベル\u0007", "制御文字")]
    public void EmptyOrControlCharacterCommentsAreRefused(string? body, string message) =>
        Assert.Contains(message, Mentions.Problem(body), StringComparison.Ordinal);

    [Fact]
    public void ACommentOverTheLimitSaysHowLongItIs()
    {
        Assert.Null(Mentions.Problem(new string('あ', Mentions.MaxLength)));
        Assert.Contains($"{Mentions.MaxLength + 1}文字", Mentions.Problem(new string('あ', Mentions.MaxLength + 1)), StringComparison.Ordinal);
    }
}
