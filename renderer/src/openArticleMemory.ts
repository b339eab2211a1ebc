// Which article was open, remembered per library folder in the window's storage (as the person at
// the machine is, people/identity.ts), so a restart or a reopened tab comes back to it.
const key = (libraryPath: string) => `copydesk.openArticle:${libraryPath}`;

export function rememberedArticle(libraryPath: string): string | null {
  try {
    return localStorage.getItem(key(libraryPath));
  } catch {
    return null;
  }
}

export function rememberArticle(libraryPath: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(key(libraryPath), id);
    else localStorage.removeItem(key(libraryPath));
  } catch {
    /* storage unavailable: the library opens next time */
  }
}
