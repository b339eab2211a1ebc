// Ctrl+F (⌘F on macOS) and "/" put the cursor in the library's search box. "/" only when the key
// would not type into something else, and neither while an IME is composing.
import { isTypingTarget, matchesShortcut } from '../shortcuts';

export const SEARCH_SHORTCUT = 'Mod+F';

export function isSearchShortcut(event: KeyboardEvent, platform: string): boolean {
  if (matchesShortcut(event, SEARCH_SHORTCUT, platform)) return true;
  if (event.isComposing || event.keyCode === 229) return false;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}
