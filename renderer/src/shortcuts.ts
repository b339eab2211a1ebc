// Platform habits: ⌘ on macOS, Ctrl elsewhere, and the labels written the way each OS writes them.
export function isMac(platform: string): boolean {
  return platform === 'darwin';
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };

/** `Mod+Shift+Z` → `⇧⌘Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function shortcutLabel(combo: string, platform: string): string {
  const parts = combo.split('+');
  const key = parts.pop()!.toUpperCase();
  if (isMac(platform)) {
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    return parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((p) => MAC_SYMBOLS[p]).join('') + key;
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), key].join('+');
}

/** True when the event is `combo` on this platform (never while an IME is composing). */
export function matchesShortcut(event: KeyboardEvent, combo: string, platform: string): boolean {
  if (event.isComposing || event.keyCode === 229) return false;
  const parts = combo.split('+');
  const key = parts.pop()!.toLowerCase();
  const mod = isMac(platform) ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === key &&
    mod === parts.includes('Mod') &&
    event.shiftKey === parts.includes('Shift') &&
    event.altKey === parts.includes('Alt')
  );
}

/** True when a key press lands in something that takes text (so a bare key like "/" is typing, not a shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image'].includes(type);
}
