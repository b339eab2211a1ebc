import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from './searchShortcut';

const key = (init: Omit<Partial<KeyboardEvent>, 'target'> & { target?: unknown }) =>
  ({ key: '', metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, isComposing: false, keyCode: 0, target: null, ...init }) as unknown as KeyboardEvent;
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, ...extra });

describe('the search shortcut', () => {
  it('is ⌘F on macOS and Ctrl+F elsewhere', () => {
    expect(isSearchShortcut(key({ key: 'f', metaKey: true }), 'darwin')).toBe(true);
    expect(isSearchShortcut(key({ key: 'f', ctrlKey: true }), 'darwin')).toBe(false);
    expect(isSearchShortcut(key({ key: 'f', ctrlKey: true }), 'win32')).toBe(true);
    expect(isSearchShortcut(key({ key: 'F', ctrlKey: true, shiftKey: true }), 'linux')).toBe(false);
  });

  it('is "/" only where the key would not type text', () => {
    expect(isSearchShortcut(key({ key: '/', target: el('BODY') }), 'linux')).toBe(true);
    expect(isSearchShortcut(key({ key: '/', target: el('INPUT', { type: 'checkbox' }) }), 'linux')).toBe(true);
    expect(isSearchShortcut(key({ key: '/', target: el('INPUT', { type: 'search' }) }), 'linux')).toBe(false);
    expect(isSearchShortcut(key({ key: '/', target: el('INPUT', { type: 'date' }) }), 'linux')).toBe(false);
    expect(isSearchShortcut(key({ key: '/', target: el('TEXTAREA') }), 'linux')).toBe(false);
    expect(isSearchShortcut(key({ key: '/', target: el('DIV', { isContentEditable: true }) }), 'linux')).toBe(false);
    expect(isSearchShortcut(key({ key: '/', ctrlKey: true, target: el('BODY') }), 'linux')).toBe(false);
  });

  it('never fires while an IME is composing', () => {
    expect(isSearchShortcut(key({ key: 'f', ctrlKey: true, isComposing: true }), 'linux')).toBe(false);
    expect(isSearchShortcut(key({ key: '/', keyCode: 229, target: el('BODY') }), 'linux')).toBe(false);
  });
});
