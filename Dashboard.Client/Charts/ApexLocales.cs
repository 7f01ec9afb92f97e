namespace Dashboard.Client.Charts;

/// <summary>ApexCharts locales, as in apexcharts/dist/locales (ja.json, en.json), typed.</summary>
public static class ApexLocales
{
    public static ApexLocale Japanese { get; } = new("ja", new ApexLocaleOptions(
        [.. Enumerable.Range(1, 12).Select(m => $"{m}月")],
        [.. Enumerable.Range(1, 12).Select(m => $"{m}月")],
        ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"],
        ["日", "月", "火", "水", "木", "金", "土"],
        new Dictionary<string, string>
        {
            ["exportToSVG"] = "SVGダウンロード",
            ["exportToPNG"] = "PNGダウンロード",
            ["exportToCSV"] = "CSVダウンロード",
            ["menu"] = "メニュー",
            ["selection"] = "選択",
            ["selectionZoom"] = "選択ズーム",
            ["zoomIn"] = "拡大",
            ["zoomOut"] = "縮小",
            ["pan"] = "パン",
            ["reset"] = "ズームリセット",
        }));

    public static ApexLocale English { get; } = new("en", new ApexLocaleOptions(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        new Dictionary<string, string>
        {
            ["exportToSVG"] = "Download SVG",
            ["exportToPNG"] = "Download PNG",
            ["exportToCSV"] = "Download CSV",
            ["menu"] = "Menu",
            ["selection"] = "Selection",
            ["selectionZoom"] = "Selection Zoom",
            ["zoomIn"] = "Zoom In",
            ["zoomOut"] = "Zoom Out",
            ["pan"] = "Panning",
            ["reset"] = "Reset Zoom",
        }));
}
