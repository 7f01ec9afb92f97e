namespace Dashboard.Client.Features.Forms;

/// <summary>
/// What connection.js kept of a form in the browser: the fields as typed (by their name attribute) and the version of
/// the record they were typed on, so a save from them still detects someone else's change in between.
/// </summary>
public sealed record KeptForm(string Version, Dictionary<string, string> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>The record's version the text was typed on, when it had one.</summary>
    public Guid? BaseVersion => Guid.TryParse(Version, out var version) ? version : null;
}
