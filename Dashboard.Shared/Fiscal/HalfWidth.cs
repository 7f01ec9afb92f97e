namespace Dashboard.Shared.Fiscal;

/// <summary>
/// Full-width ASCII (１２３，．－ＦＹ) and the ideographic space as their half-width forms, as an IME types them.
/// string.Normalize(FormKC) would do it on the server, but WebAssembly does not support that form.
/// </summary>
public static class HalfWidth
{
    /// <summary>The text with U+FF01-U+FF5E mapped to U+0021-U+007E and U+3000 to a space.</summary>
    public static string Of(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
}
