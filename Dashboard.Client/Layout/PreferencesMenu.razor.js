// Reads the choices the server wrote on <html> (lang, data-theme), and keeps the theme choice in a cookie.
export function read() {
    const root = document.documentElement;
    return [root.lang || "ja", root.dataset.theme || "light"];
}

export function setTheme(mode) {
    document.documentElement.dataset.theme = mode;
    document.cookie = `dashboard-theme=${mode === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
}
