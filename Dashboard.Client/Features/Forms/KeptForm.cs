namespace Dashboard.Client.Features.Forms;

/// <summary>
/// What connection.js kept of a form in the browser: the fields as typed (by their name attribute) and the version of
/// the record they were typed on, so a save from them still detects someone else's change in between.
/// </summary>
public sealed record KeptForm(string Version, Dictionary<string, string> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>A kept choice as a whole number (a year, an initiative), or null when absent, empty or not a number.</summary>
    public int? Number(string name) =>
        int.TryParse(this[name], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A kept choice as one of the enum's names, as the form wrote it (a number would parse to any value).</summary>
    public T? Named<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(this[name], out var value) && Enum.IsDefined(value) && Number(name) is null ? value : null;

    /// <summary>The record's version the text was typed on, when it had one.</summary>
    public Guid? BaseVersion => Guid.TryParse(Version, out var version) ? version : null;
}
