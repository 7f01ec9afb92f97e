using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Client.Localization;

/// <summary>
/// MudBlazor's own words (a required field's message, the close buttons' labels read by screen readers, …) in the
/// page's language: MudBlazor asks for them by its key, found in UiText as "Mud." + key. On an English page MudBlazor
/// keeps its own English; a key UiText lacks stays MudBlazor's English too.
/// </summary>
public sealed class UiTextMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => Lookup(key, text[Prefix + key]);

    public override LocalizedString this[string key, params object[] arguments] => Lookup(key, text[Prefix + key, arguments]);

    /// <summary>The prefix of MudBlazor's keys in UiText.</summary>
    public const string Prefix = "Mud.";

    private static LocalizedString Lookup(string key, LocalizedString found) =>
        found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
}
