namespace Dashboard.Server.Features.Publishing;

/// <summary>The public pages' only stylesheet, inline: one request per page, system fonts, readable at 320 px.</summary>
internal static class PublicStyles
{
    public const string Css = """
        :root { color-scheme: light dark; color: #1b1b1b; background: #fff; font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Meiryo", sans-serif; line-height: 1.6; }
        body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
        a { color: #0b4f9c; }
        a:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
        header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; border-bottom: 2px solid #0b4f9c; }
        h1 { font-size: 1.6rem; margin: 1rem 0 .5rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-left: 6px solid #0b4f9c; padding-left: .5rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 0 0 .5rem; }
        nav.plans ul { list-style: none; margin: 0 0 .5rem; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
        nav.plans a[aria-current] { font-weight: bold; color: inherit; text-decoration: none; }
        .code { color: #4a4a4a; font-weight: normal; font-size: .85rem; }
        .kpi { border: 1px solid #c6c6c6; border-radius: 4px; padding: .75rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .5rem; }
        dt { font-weight: bold; }
        dd { margin: 0; min-width: 0; }
        .notes dd { white-space: pre-wrap; }
        figure.chart { margin: .5rem 0 0; }
        svg { max-width: 100%; height: auto; display: block; }
        table { border-collapse: collapse; margin-top: .25rem; font-size: .9rem; }
        caption { text-align: left; font-weight: bold; }
        th, td { border: 1px solid #c6c6c6; padding: .1rem .5rem; text-align: left; }
        td { text-align: right; }
        td.key, td.meaning { text-align: left; }
        footer.site { border-top: 1px solid #c6c6c6; margin-top: 2rem; font-size: .9rem; }
        .chart .bar { fill: #1a5fa8; }
        .chart .target { stroke: #1b1b1b; stroke-width: 2; }
        .chart .axis { stroke: #767676; stroke-width: 1; }
        .chart .grid { stroke: #c6c6c6; stroke-width: 1; stroke-dasharray: 2 2; }
        .chart .axis-label { fill: #4a4a4a; font-size: 11px; }
        @media (max-width: 30rem) {
          dl { grid-template-columns: 1fr; }
          table.columns { table-layout: fixed; width: 100%; }
          table.columns th, table.columns td { overflow-wrap: anywhere; }
        }
        @media (prefers-color-scheme: dark) {
          :root { color: #e8e8e8; background: #121212; }
          a, .skip:focus { color: #8ab4f8; }
          .skip:focus { background: #121212; }
          a:focus-visible { outline-color: #8ab4f8; }
          header.site { border-bottom-color: #8ab4f8; }
          h2 { border-left-color: #8ab4f8; }
          .code { color: #b8b8b8; }
          .kpi, th, td, footer.site { border-color: #5a5a5a; }
          .chart .bar { fill: #8ab4f8; }
          .chart .target { stroke: #f5f5f5; }
          .chart .axis { stroke: #9a9a9a; }
          .chart .grid { stroke: #5a5a5a; }
          .chart .axis-label { fill: #c8c8c8; }
        }
        """;
}
