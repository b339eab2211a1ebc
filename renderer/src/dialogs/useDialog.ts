// The one Esc and focus rule for every dialog, confirm, popover and closable panel: Esc closes the
// topmost one (a panel only when the focus is inside it), and nothing else on the page sees that
// Esc (the editor, the search box); while open, a modal keeps Tab inside itself; when it closes,
// the focus goes back to what had it before (the button that opened it), unless the person has
// moved on meanwhile. Esc during an IME composition belongs to the IME.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface DialogOptions {
  /** What Esc does: usually close; a dialog with a running task may cancel the task instead. */
  onClose(): void;
  /** Tab stays inside, and Esc closes it wherever the focus is. */
  modal?: boolean;
  /**
   * A panel that stays open beside the work (history): Esc closes it only when the focus is in it,
   * and opening it leaves the focus where it was unless `takeFocus` says otherwise.
   */
  panel?: boolean;
  /** Move the focus into the dialog when it opens (default true, except for panels). */
  takeFocus?: boolean;
  /**
   * Where the focus goes back to, when the dialog opens after its button lost the focus (a step
   * that was refused after a wait, with the buttons disabled meanwhile). Default: what had the focus.
   */
  returnTo?: () => HTMLElement | null;
}

interface Entry {
  el: () => HTMLElement | null;
  options: () => DialogOptions;
}

/** Open dialogs, oldest first: Esc and Tab go to the last one. */
const stack: Entry[] = [];

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function focusables(el: HTMLElement): HTMLElement[] {
  return [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null || e === document.activeElement);
}

function onKeyDown(e: KeyboardEvent) {
  // 229: a key the IME is handling (Chromium sends it instead of isComposing in some cases).
  if (e.isComposing || e.keyCode === 229) return;
  const target = e.target instanceof Node ? e.target : null;
  if (e.key === 'Escape') {
    for (let i = stack.length - 1; i >= 0; i--) {
      const el = stack[i].el();
      const opts = stack[i].options();
      if (!el) continue;
      if (opts.panel && !(target && el.contains(target))) continue;
      e.preventDefault();
      e.stopPropagation();
      opts.onClose();
      return;
    }
    return;
  }
  if (e.key === 'Tab') {
    const top = stack[stack.length - 1];
    const el = top?.el();
    if (!el || !top.options().modal) return;
    const items = focusables(el);
    if (items.length === 0) {
      e.preventDefault();
      el.focus();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !el.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !el.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }
}

/**
 * Makes the element behind `ref` a dialog for as long as the calling component is mounted (render
 * the component only while the dialog is open). Give the element `tabIndex={-1}` so it can hold
 * the focus itself when it has nothing better to focus.
 */
export function useDialog(ref: RefObject<HTMLElement | null>, options: DialogOptions): void {
  // Read while rendering, before any autoFocus inside the dialog moves the focus.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  const latest = useRef(options);
  latest.current = options;

  useLayoutEffect(() => {
    const entry: Entry = { el: () => ref.current, options: () => latest.current };
    if (stack.length === 0) window.addEventListener('keydown', onKeyDown, true);
    stack.push(entry);
    const el = ref.current;
    const take = latest.current.takeFocus ?? !latest.current.panel;
    if (el && take && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    return () => {
      stack.splice(stack.indexOf(entry), 1);
      if (stack.length === 0) window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [ref]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      // Back to the opener unless the person has moved on (the focus is elsewhere on the page).
      const active = document.activeElement;
      const lost = !active || active === document.body || (el !== null && el.contains(active));
      const back = (opener && opener !== document.body ? opener : null) ?? latest.current.returnTo?.() ?? null;
      if (lost && back && back.isConnected) back.focus({ preventScroll: true });
    };
  }, [ref, opener]);
}
