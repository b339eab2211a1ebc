// @vitest-environment jsdom
// The one Esc rule, with dialogs stacked the way the app stacks them: only the topmost closes, a
// panel only with the focus inside, an IME's Esc is left alone, and the focus goes back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useDialog, type DialogOptions } from './useDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Box(props: { id: string; options: Omit<DialogOptions, 'onClose'>; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { ...props.options, onClose: props.onClose });
  return (
    <div ref={ref} tabIndex={-1} data-id={props.id}>
      <button type="button" data-id={`${props.id}-button`}>in {props.id}</button>
    </div>
  );
}

let root: Root | null = null;
let host: HTMLDivElement;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function mount(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
}

const q = (id: string) => document.querySelector<HTMLElement>(`[data-id="${id}"]`);
const esc = (target: Element | null = document.activeElement, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...init });
  act(() => void (target ?? document.body).dispatchEvent(event));
  return event;
};

function Stack(props: { panel: boolean; onPage(): void }) {
  const [open, setOpen] = useState({ lower: false, upper: false });
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && props.onPage()}>
      <button type="button" data-id="opener-lower" onClick={() => setOpen((o) => ({ ...o, lower: true }))}>lower</button>
      <button type="button" data-id="opener-upper" onClick={() => setOpen((o) => ({ ...o, upper: true }))}>upper</button>
      {open.lower && <Box id="lower" options={{ panel: props.panel }} onClose={() => setOpen((o) => ({ ...o, lower: false }))} />}
      {open.upper && <Box id="upper" options={{ modal: true }} onClose={() => setOpen((o) => ({ ...o, upper: false }))} />}
    </div>
  );
}

const open = (id: string) => {
  const button = q(`opener-${id}`)!;
  button.focus();
  act(() => button.click());
};

describe('useDialog', () => {
  it('closes only the topmost dialog, gives the focus back to its opener, and the page never sees that Esc', () => {
    const onPage = vi.fn();
    mount(<Stack panel={false} onPage={onPage} />);
    open('lower');
    expect(document.activeElement).toBe(q('lower'));
    open('upper');
    expect(document.activeElement).toBe(q('upper'));

    const first = esc();
    expect(first.defaultPrevented).toBe(true);
    expect(q('upper')).toBeNull();
    expect(q('lower')).not.toBeNull();
    expect(document.activeElement).toBe(q('opener-upper'));

    // The focus is on the page now (the upper one's opener): closing the lower one leaves it there.
    esc();
    expect(q('lower')).toBeNull();
    expect(document.activeElement).toBe(q('opener-upper'));
    expect(onPage).not.toHaveBeenCalled();

    // Nothing open: Esc is the page's again.
    esc();
    expect(onPage).toHaveBeenCalledTimes(1);
  });

  it('leaves an Esc that belongs to an IME composition alone', () => {
    mount(<Stack panel={false} onPage={() => undefined} />);
    open('lower');
    esc(document.activeElement, { isComposing: true });
    esc(document.activeElement, { keyCode: 229 } as KeyboardEventInit);
    expect(q('lower')).not.toBeNull();
    esc();
    expect(q('lower')).toBeNull();
  });

  it('closes a panel only while the focus is inside it', () => {
    const onPage = vi.fn();
    mount(<Stack panel={true} onPage={onPage} />);
    open('lower');
    // A panel does not take the focus when it opens.
    expect(document.activeElement).toBe(q('opener-lower'));
    esc();
    expect(q('lower')).not.toBeNull();
    expect(onPage).toHaveBeenCalledTimes(1);
    q('lower-button')!.focus();
    esc();
    expect(q('lower')).toBeNull();
    expect(document.activeElement).toBe(q('opener-lower'));
  });

  it('keeps Tab inside a modal', () => {
    mount(<Stack panel={false} onPage={() => undefined} />);
    open('upper');
    q('upper-button')!.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => void document.activeElement!.dispatchEvent(tab));
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(q('upper-button'));
  });
});
