/** Where a window remembers who is at this machine for a library (renderer storage; tests and benches set it). No zod: the renderer's first load reads it. */
export function personStorageKey(libraryPath: string): string {
  return `copydesk.person:${libraryPath}`;
}
