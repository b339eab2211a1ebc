// The figure's DOM, written as a plain ProseMirror node view rather than a React one: the caption
// is ProseMirror's own content DOM, always present and never re-rendered, so Hangul composed in it
// behaves exactly as in the body (TipTap #7425). The image, tools and the credit/alt inputs sit in
// non-editable parts that ProseMirror leaves alone.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import type { Editor } from '@tiptap/core';
import { shortcutLabel } from '../../shortcuts';
import { photoUrl } from '../../../../shared/photos/photoUrl';

export interface FigureViewOptions {
  /** Prefix of photo URLs (`media://photo/` in Electron, `/media/` in the browser host). */
  mediaBase: string;
  t: (key: string) => string;
  /** `darwin` writes the move shortcut as ⌥↑, elsewhere Alt+↑. */
  platform: string;
  /** Asks the app for a new photo for the figure at `pos` (also fills a figure waiting for its photo). */
  onReplace: (pos: number) => void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Each figure's view by its DOM, so a lock change reaches the figures in an editor's DOM without
 * recreating anything. (Keyed by DOM, not by EditorView: TipTap hands the first node views a
 * stand-in for the view that is not yet built.)
 */
const viewOf = new WeakMap<Element, FigureView>();

/** Writes every figure's labels again in the UI language now in force (they are plain DOM, outside React). */
export function syncFigureLabels(view: EditorView): void {
  for (const dom of view.dom.querySelectorAll('figure.figure')) viewOf.get(dom)?.relabel();
}

/** Locks or unlocks every figure's tools and credit/alt inputs to match `view.editable`. */
export function syncFigureLocks(view: EditorView): void {
  for (const dom of view.dom.querySelectorAll('figure.figure')) viewOf.get(dom)?.setLocked(!view.editable);
}

export class FigureView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private readonly img: HTMLImageElement;
  private readonly chrome: HTMLElement[] = [];
  private readonly credit: HTMLInputElement;
  private readonly alt: HTMLTextAreaElement;
  /** Shown instead of the image while the figure waits for its photo (photoId ''). */
  private readonly placeholder: HTMLElement;
  private readonly addPhoto: HTMLButtonElement;
  private readonly captionBadge: HTMLElement;
  private readonly creditBadge: HTMLElement;
  private readonly tools: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  /** Each label's writer, run again when the UI language changes. */
  private readonly labels: (() => void)[] = [];

  constructor(
    private node: PMNode,
    /** The editor, not its view: TipTap builds the first node views before the view exists. */
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
    private readonly options: FigureViewOptions,
  ) {
    const { t } = options;
    this.dom = el('figure', { class: 'figure', 'data-testid': 'figure' });
    const media = el('div', { class: 'figure__media', contenteditable: 'false', 'data-drag-handle': '' });
    this.img = el('img', { class: 'figure__image', 'data-testid': 'figure-image', draggable: 'false' });
    const tools = el('div', { class: 'figure__tools' });
    const label = (write: () => void) => {
      write();
      this.labels.push(write);
    };
    const button = (id: string, text: () => string, glyph: string, run: () => void) => {
      const b = el('button', { type: 'button', 'data-testid': id }, glyph);
      label(() => {
        b.setAttribute('aria-label', text());
        b.title = text();
      });
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', run);
      tools.append(b);
      this.buttons.push(b);
    };
    button('figure-up', () => `${t('figure.moveUp')} (${shortcutLabel('Alt+↑', options.platform)})`, '↑', () => this.move(-1));
    button('figure-down', () => `${t('figure.moveDown')} (${shortcutLabel('Alt+↓', options.platform)})`, '↓', () => this.move(1));
    button('figure-replace', () => t('figure.replace'), '⇄', () => this.replace());
    button('figure-remove', () => t('figure.remove'), '✕', () => this.remove());
    // A figure imported from web copy has its caption and credit but not yet its photo.
    this.placeholder = el('div', { class: 'figure__placeholder', 'data-testid': 'figure-placeholder' });
    const waiting = el('span', { class: 'figure__placeholder-text' });
    this.addPhoto = el('button', { type: 'button', class: 'figure__add-photo', 'data-testid': 'figure-add-photo' });
    label(() => {
      waiting.textContent = t('figure.waitingForPhoto');
      this.addPhoto.textContent = t('figure.addPhoto');
    });
    this.addPhoto.addEventListener('mousedown', (e) => e.preventDefault());
    this.addPhoto.addEventListener('click', () => this.replace());
    this.placeholder.append(waiting, this.addPhoto);
    media.append(this.img, this.placeholder, tools);
    this.tools = tools;

    this.contentDOM = el('div', { class: 'figure__caption-wrap' });
    const captionBadge = el('span', { class: 'from-file', 'data-testid': 'caption-from-file', contenteditable: 'false' });
    label(() => (captionBadge.textContent = t('figure.fromFile')));
    this.captionBadge = captionBadge;

    const meta = el('div', { class: 'figure__meta', contenteditable: 'false' });
    const field = <K extends 'input' | 'textarea'>(tag: K, id: string, name: string, placeholder: string) => {
      const wrap = el('label', { class: 'figure__field' });
      const input = el(tag, { 'data-testid': id, spellcheck: 'false' }) as HTMLElementTagNameMap[K];
      if (input instanceof HTMLInputElement) input.type = 'text';
      const span = el('span');
      label(() => {
        span.textContent = t(name);
        input.placeholder = t(placeholder);
      });
      wrap.append(span, input);
      meta.append(wrap);
      return { wrap, input };
    };
    const credit = field('input', 'figure-credit', 'figure.credit', 'figure.creditPlaceholder');
    this.credit = credit.input;
    const creditBadge = el('span', { class: 'from-file', 'data-testid': 'credit-from-file' });
    label(() => (creditBadge.textContent = t('figure.fromFile')));
    this.creditBadge = creditBadge;
    credit.wrap.append(this.creditBadge);
    // Alt text is one paragraph that wraps as it grows (CSS field-sizing): Enter adds no line break
    // and a pasted one becomes a space, so the stored alt stays a single line for every export.
    this.alt = field('textarea', 'figure-alt', 'figure.alt', 'figure.altPlaceholder').input;
    this.alt.rows = 1;
    this.credit.addEventListener('input', () => this.setAttr('credit', this.credit.value));
    // Another person's change held back while this one typed shows once they leave the field.
    this.credit.addEventListener('blur', () => this.render());
    this.alt.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) e.preventDefault();
    });
    this.alt.addEventListener('input', () => {
      if (/[\r\n]/.test(this.alt.value)) {
        const at = this.alt.selectionStart;
        this.alt.value = this.alt.value.replace(/\r\n?|\n/g, ' ');
        this.alt.setSelectionRange(at, at);
      }
      this.setAttr('alt', this.alt.value);
    });
    this.alt.addEventListener('blur', () => this.render());

    this.dom.append(media, this.contentDOM, this.captionBadge, meta);
    // The picture itself is left to ProseMirror: a click selects the figure, a drag moves it.
    this.chrome.push(tools, meta, this.captionBadge, this.addPhoto);
    // Read-only copy (the workflow decides, live: see syncFigureLocks): no tools, no typing.
    this.setLocked(!editor.isEditable);
    viewOf.set(this.dom, this);
    this.render(true);
  }

  relabel(): void {
    for (const write of this.labels) write();
    const caption = this.contentDOM.querySelector('[data-placeholder]');
    caption?.setAttribute('data-placeholder', this.options.t('figure.captionPlaceholder'));
  }

  setLocked(locked: boolean): void {
    this.tools.hidden = locked;
    this.addPhoto.hidden = locked;
    for (const b of [...this.buttons, this.addPhoto]) b.disabled = locked;
    this.credit.disabled = locked;
    this.alt.disabled = locked;
    this.dom.classList.toggle('figure--locked', locked);
  }

  private get view(): EditorView {
    return this.editor.view;
  }

  private setAttr(name: 'credit' | 'alt', value: string) {
    if (!this.editor.isEditable) return; // a locked copy takes no edits, whatever reaches the input
    const pos = this.getPos();
    if (pos === undefined || this.node.attrs[name] === value) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, name, value));
  }

  // The commands refuse a locked copy themselves; these only find the figure's position.
  private move(direction: -1 | 1) {
    const pos = this.getPos();
    if (pos === undefined || !this.editor.isEditable) return;
    this.editor.commands.moveFigureAt(pos, direction);
    this.view.focus();
  }

  private remove() {
    const pos = this.getPos();
    if (pos !== undefined && this.editor.commands.removeFigure(pos)) this.view.focus();
  }

  private replace() {
    const pos = this.getPos();
    if (pos !== undefined && this.editor.isEditable) this.options.onReplace(pos);
  }

  /** Brings the DOM in line with the node; an input being typed in is never overwritten. */
  private render(first = false) {
    const { photoId, credit, alt, fromFile } = this.node.attrs as { photoId: string; credit: string; alt: string; fromFile: { caption: string; credit: string } };
    const src = photoUrl(this.options.mediaBase, photoId, 'preview');
    // No photo yet: no src at all (an empty one shows a broken image), the placeholder instead.
    if (src === null) this.img.removeAttribute('src');
    else if (first || this.img.getAttribute('src') !== src) this.img.setAttribute('src', src);
    this.img.hidden = src === null;
    this.placeholder.hidden = src !== null;
    this.dom.classList.toggle('figure--waiting', src === null);
    this.img.alt = alt;
    this.dom.dataset.photoId = photoId;
    if (document.activeElement !== this.credit && this.credit.value !== credit) this.credit.value = credit;
    if (document.activeElement !== this.alt && this.alt.value !== alt) this.alt.value = alt;
    const caption = this.node.textContent.trim();
    this.dom.classList.toggle('figure--no-caption', caption === '');
    this.captionBadge.hidden = !fromFile?.caption || caption !== fromFile.caption.replace(/\s+/g, ' ').trim();
    this.creditBadge.hidden = !fromFile?.credit || credit.trim() !== fromFile.credit.trim();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  selectNode() {
    this.dom.classList.add('is-selected');
  }

  deselectNode() {
    this.dom.classList.remove('is-selected');
  }

  /** Events in the tools and inputs are theirs, not the editor's. */
  stopEvent(event: Event): boolean {
    const target = event.target as globalThis.Node | null;
    if (!target) return false;
    if (event.type === 'dragstart' || event.type === 'drop' || event.type === 'dragover') return false;
    return this.chrome.some((part) => part.contains(target));
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}
