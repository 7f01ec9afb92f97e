using System.Resources;

// Japanese is the neutral language: the main assembly holds it; English comes from the en satellite assembly.
[assembly: NeutralResourcesLanguage("ja")]
