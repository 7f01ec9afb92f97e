using Dashboard.Shared.Text;

namespace Dashboard.Shared.Threads;

/// <summary>
/// Finds the @mentions in a comment. Japanese has no spaces between words, so a mention is the longest known handle
/// that follows an @ (「@企画課確認してください」 mentions 企画課); an @ followed by no known handle is reported with the
/// word after it, so the person can correct it. An @ inside a word (an address like a@b.jp) is not a mention.
/// </summary>
public static class Mentions
{
    /// <summary>The most characters a comment may have.</summary>
    public const int MaxLength = 2000;

    private static readonly System.Buffers.SearchValues<char> _ends = System.Buffers.SearchValues.Create([' ', '\u3000', '\n', '\r', '\t', '、', '。', '，', '．', ',', '.', '！', '？', '!', '?', '」', '）', ')', '@', '＠']);

    /// <summary>The handles found (each once, in order) and the words after an @ that match no handle.</summary>
    public static (IReadOnlyList<string> Found, IReadOnlyList<string> Unknown) Find(string text, IEnumerable<string> handles)
    {
        var known = handles.Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(h => h.Length).ToList();
        var found = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('@' or '＠') || (i > 0 && !IsBoundary(text[i - 1])))
            {
                continue;
            }

            var start = i + 1;
            var match = known.FirstOrDefault(h => string.Compare(text, start, h, 0, h.Length, StringComparison.OrdinalIgnoreCase) == 0 && start + h.Length <= text.Length);
            if (match is not null)
            {
                if (!found.Contains(match, StringComparer.OrdinalIgnoreCase))
                {
                    found.Add(match);
                }

                i += match.Length;
                continue;
            }

            var rest = text.AsSpan(start);
            var end = rest.IndexOfAny(_ends);
            var word = (end < 0 ? rest : rest[..end]).ToString();
            if (word.Length > 0 && !unknown.Contains(word, StringComparer.Ordinal))
            {
                unknown.Add(word);
            }
        }

        return (found, unknown);
    }

    private static bool IsBoundary(char before) => char.IsWhiteSpace(before) || char.IsPunctuation(before) || before > '\u2E7F';

    /// <summary>A department's short handle: its name up to a bracket (企画課（DX推進担当） → 企画課).</summary>
    public static string ShortName(string name)
    {
        var cut = name.IndexOfAny(['（', '(']);
        return (cut > 0 ? name[..cut] : name).Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>The problem with a comment in Japanese, or null.</summary>
    public static string? Problem(string? body) =>
        string.IsNullOrWhiteSpace(body) ? Wording.Pick("コメントを入力してください。", "Enter a comment.")
        : body.Trim().Length > MaxLength ? Wording.Pick($"コメントは{MaxLength}文字以内で入力してください（いま{body.Trim().Length}文字）。", $"A comment has at most {MaxLength} characters (now {body.Trim().Length}).")
        : Text.TextPolicy.Problem(body, Wording.Pick("コメント", "The comment"), multiline: true);
}
