import { describe, expect, it } from 'vitest';
import { matchesShortcut, shortcutLabel } from './shortcuts';

const key = (init: Partial<KeyboardEvent>) => ({ key: '', metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, isComposing: false, keyCode: 0, ...init }) as KeyboardEvent;

describe('shortcuts follow platform habits', () => {
  it('labels with ⌘ on macOS and Ctrl elsewhere', () => {
    expect(shortcutLabel('Mod+B', 'darwin')).toBe('⌘B');
    expect(shortcutLabel('Mod+Shift+Z', 'darwin')).toBe('⇧⌘Z');
    expect(shortcutLabel('Mod+B', 'win32')).toBe('Ctrl+B');
    expect(shortcutLabel('Mod+Shift+L', 'linux')).toBe('Ctrl+Shift+L');
  });

  it('matches ⌘ on macOS, Ctrl elsewhere, and never during IME composition', () => {
    expect(matchesShortcut(key({ key: 's', metaKey: true }), 'Mod+S', 'darwin')).toBe(true);
    expect(matchesShortcut(key({ key: 's', ctrlKey: true }), 'Mod+S', 'darwin')).toBe(false);
    expect(matchesShortcut(key({ key: 's', ctrlKey: true }), 'Mod+S', 'linux')).toBe(true);
    expect(matchesShortcut(key({ key: 'L', ctrlKey: true, shiftKey: true }), 'Mod+Shift+L', 'win32')).toBe(true);
    expect(matchesShortcut(key({ key: 'l', ctrlKey: true }), 'Mod+Shift+L', 'win32')).toBe(false);
    expect(matchesShortcut(key({ key: 's', ctrlKey: true, isComposing: true }), 'Mod+S', 'linux')).toBe(false);
  });
});
