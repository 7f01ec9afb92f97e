using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Whether the focused element shows a visible focus ring (WCAG 2.4.7), measured in pixels: the box around it is
/// captured focused and unfocused, and at least a one-pixel line around half of it must change by 3:1 or more (a 3px
/// ring changes about three times the perimeter). Also whether it sits under the fixed app bar (2.4.11).
/// </summary>
internal static class FocusRing
{
    /// <summary>
    /// A script expression: the focused element's box, whether it sits under the app bar, its name and the viewport's
    /// size; null when nothing is focused or it has no size. A walk reads it in the same call as its own checks.
    /// </summary>
    public const string BoxScript = """
        (() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const r = e.getBoundingClientRect();
          if (r.width < 1 || r.height < 1) return null;
          const bar = document.querySelector('.mud-appbar');
          const cx = Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2)), cy = Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2));
          const top = document.elementFromPoint(cx, cy);
          const covered = !!bar && !bar.contains(e) && !!top && bar.contains(top);
          const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || e.tagName).trim().slice(0, 30);
          return { x: r.left, y: r.top, width: r.width, height: r.height, covered, name, viewWidth: innerWidth, viewHeight: innerHeight };
        })()
        """;

    /// <summary>Null when nothing is focused (or it has no size); else the problem with the focused element's ring, or "" when it is fine.</summary>
    public static async Task<string?> CheckAsync(IPage page) => await CheckAsync(page, await page.EvaluateAsync<Box?>($"() => {BoxScript}"));

    /// <summary>As <see cref="CheckAsync(IPage)"/>, with the box already read by <see cref="BoxScript"/>.</summary>
    public static async Task<string?> CheckAsync(IPage page, Box? box)
    {
        if (box is null)
        {
            return null;
        }

        if (box.Covered)
        {
            return $"「{box.Name}」: under the app bar";
        }

        var clip = Clip(box);
        if (clip is null)
        {
            return null;
        }

        var focused = PngPixels.Read(await page.ScreenshotAsync(new() { Clip = clip }));
        await page.EvaluateAsync("() => { window.__focused = document.activeElement; document.activeElement.blur(); }");
        var unfocused = PngPixels.Read(await page.ScreenshotAsync(new() { Clip = clip }));
        await page.EvaluateAsync("() => window.__focused.focus()");

        var changed = PngPixels.PixelsChangedBy(focused, unfocused, 3.0);
        return changed < box.Width + box.Height ? $"「{box.Name}」: {changed} pixels change by 3:1 (need {box.Width + box.Height:0})" : "";
    }

    private static Clip? Clip(Box box)
    {
        const int pad = 8;
        var x = Math.Max(0, box.X - pad);
        var y = Math.Max(0, box.Y - pad);
        var right = Math.Min(box.ViewWidth, box.X + box.Width + pad);
        var bottom = Math.Min(box.ViewHeight, box.Y + box.Height + pad);
        return right - x < 2 || bottom - y < 2 ? null : new Clip { X = (float)x, Y = (float)y, Width = (float)(right - x), Height = (float)(bottom - y) };
    }

    /// <summary>What <see cref="BoxScript"/> gives.</summary>
    public sealed class Box
    {
        public double X { get; set; }

        public double Y { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }

        public bool Covered { get; set; }

        public string Name { get; set; } = "";

        public double ViewWidth { get; set; }

        public double ViewHeight { get; set; }
    }
}
