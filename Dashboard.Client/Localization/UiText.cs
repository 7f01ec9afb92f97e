namespace Dashboard.Client.Localization;

/// <summary>
/// The UI's texts: Japanese in UiText.resx (the neutral resources), English in UiText.en.resx. Inject
/// <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText;
