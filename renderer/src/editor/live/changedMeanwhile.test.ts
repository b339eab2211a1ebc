// @vitest-environment jsdom
// The paragraphs others changed while this window was away: a live document against a fake core
// (its updates and statuses pushed as the core's events), bound to a live body editor. Changes from
// the core while the status says connected:false mark exactly the blocks they touched; this
// person's own typing and changes while connected do not; marks follow blocks inserted above; Done
// clears them.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import type { CoreEvent } from '../../../../shared/contract/newsroom';
import type { LiveStatus } from '../../../../shared/contract/liveStory';
import { BODY_FRAGMENT, writeBody } from '../../../../shared/live/bodyFragment';
import type { Body } from '../../../../shared/model/article';
import { toBase64 } from '../../newsroom/live/base64';
import { openLiveDocument, type LiveBridge, type LiveDocument } from '../../newsroom/live/LiveDocument';
import { bodyExtensions } from '../extensions';
import { liveExtensions } from './liveExtensions';
import { changedMeanwhile, clearChangedMeanwhile, goToNextChanged } from './ChangedMeanwhile';

const ID = 'story-0001';
const body: Body = {
  type: 'doc',
  content: ['첫째 문단', '둘째 문단', '셋째 문단', '넷째 문단'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};

const opened: { live: LiveDocument; editor: Editor }[] = [];
afterEach(async () => {
  for (const { live, editor } of opened.splice(0)) {
    editor.destroy();
    live.discard();
  }
});

/**
 * The newsroom as the core relays it: the desk's own replica, whose every change reaches the
 * window as a liveUpdate event, and the core's status as liveStatus events. `openConnected`: the
 * open's answer (false: opened from the replica on disk before the server's sync).
 */
async function setUp(openConnected: boolean) {
  const desk = new Y.Doc();
  writeBody(desk, body);
  const listeners = new Set<(event: CoreEvent) => void>();
  const push = (event: CoreEvent) => listeners.forEach((l) => l(event));
  let seq = 1;
  const bridge: LiveBridge = {
    call: (async (method: string) => {
      if (method === 'openLiveStory') return { state: toBase64(Y.encodeStateAsUpdate(desk)), readOnly: false, unsynced: 0, connected: openConnected, seq };
      return null;
    }) as LiveBridge['call'],
    onEvent: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    schedule: () => undefined,
  };
  const live = await openLiveDocument(ID, { bridge });
  // An update whose origin is 'window' stands for this person's typing in another window of theirs.
  desk.on('update', (update: Uint8Array, origin: unknown) => push({ type: 'liveUpdate', id: ID, update: toBase64(update), ...(origin === 'window' ? { fromWindow: true as const } : {}) }));
  const base = bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined });
  const editor = new Editor({ element: document.createElement('div'), extensions: liveExtensions(base, live, { name: '김하늘', color: '#1f77b4' }, () => '다른 사람이 고친 문단') });
  opened.push({ live, editor });
  const status = (connected: boolean) => {
    const next: LiveStatus = { readOnly: false, unsynced: 0, connected, seq: ++seq };
    push({ type: 'liveStatus', id: ID, status: next });
  };
  /** The desk types at the end of its paragraph `index`. */
  const deskTypes = (index: number, text: string) => {
    const run = (desk.getXmlFragment(BODY_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;
    run.insert(run.length, text);
  };
  /** This person types in another window of theirs, at the end of paragraph `index`. */
  const otherWindowTypes = (index: number, text: string) => {
    const run = (desk.getXmlFragment(BODY_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;
    desk.transact(() => run.insert(run.length, text), 'window');
  };
  const deskInsertsParagraph = (index: number, text: string) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    desk.getXmlFragment(BODY_FRAGMENT).insert(index, [paragraph]);
  };
  return { desk, live, editor, status, deskTypes, deskInsertsParagraph, otherWindowTypes };
}

/** The marked blocks' text, as the plugin finds them and as the page draws them. */
function marked(editor: Editor): string[] {
  const fromState = changedMeanwhile(editor.state).map((pos) => editor.state.doc.nodeAt(pos)?.textContent ?? '?');
  const drawn = [...editor.view.dom.querySelectorAll('[data-changed-meanwhile]')].map((el) => el.textContent ?? '');
  expect(drawn).toEqual(fromState);
  return fromState;
}

/** Where this person's caret goes to type at the end of block `index`. */
function endOf(editor: Editor, index: number): number {
  let pos = 0;
  for (let i = 0; i <= index; i++) pos += editor.state.doc.child(i).nodeSize;
  return pos - 1;
}

describe('paragraphs changed meanwhile', () => {
  it('marks exactly the paragraphs others changed while offline, not this person’s own nor the rest', async () => {
    const { editor, status, deskTypes, live } = await setUp(true);
    status(false);
    deskTypes(1, ' 데스크 수정');
    // This person types offline too: their own paragraph is not news to them.
    editor.chain().setTextSelection(endOf(editor, 3)).insertContent(' 내 글').run();
    deskTypes(2, ' 또 수정');
    // The server's sync: its changes arrive, then the status saying connected.
    status(true);
    expect(marked(editor)).toEqual(['둘째 문단 데스크 수정', '셋째 문단 또 수정']);
    expect(live.meanwhile.where().indices).toEqual([1, 2]);
    expect(editor.view.dom.querySelector('[data-changed-meanwhile]')?.getAttribute('title')).toBe('다른 사람이 고친 문단');
  });

  it('does not mark what this person typed in another window of theirs while offline', async () => {
    const { editor, status, deskTypes, otherWindowTypes } = await setUp(true);
    status(false);
    otherWindowTypes(0, ' 다른 창에서');
    deskTypes(2, ' 데스크');
    status(true);
    expect(editor.state.doc.child(0).textContent).toBe('첫째 문단 다른 창에서');
    expect(marked(editor)).toEqual(['셋째 문단 데스크']);
  });

  it('does not mark changes that arrive while connected', async () => {
    const { editor, status, deskTypes } = await setUp(true);
    deskTypes(0, ' 실시간');
    status(false);
    status(true);
    deskTypes(3, ' 다시 실시간');
    expect(editor.state.doc.child(3).textContent).toBe('넷째 문단 다시 실시간');
    expect(marked(editor)).toEqual([]);
  });

  it('marks a paragraph others added while away, and keeps the marks through changes made once back', async () => {
    const { editor, status, deskTypes, deskInsertsParagraph } = await setUp(true);
    status(false);
    deskInsertsParagraph(2, '새 문단');
    status(true);
    deskTypes(2, ' 고침');
    expect(marked(editor)).toEqual(['새 문단 고침']);
  });

  it('follows the marked paragraph when paragraphs are inserted above it, by others or by this person', async () => {
    const { editor, status, deskTypes, deskInsertsParagraph } = await setUp(true);
    status(false);
    deskTypes(2, ' 데스크');
    status(true);
    expect(marked(editor)).toEqual(['셋째 문단 데스크']);
    deskInsertsParagraph(0, '맨 위 새 문단');
    expect(marked(editor)).toEqual(['셋째 문단 데스크']);
    expect(changedMeanwhile(editor.state)).toEqual([endOf(editor, 2) + 1]);
    // This person splits the first paragraph (a new block above), then types in the marked one.
    editor.chain().setTextSelection(3).splitBlock().run();
    expect(editor.state.doc.childCount).toBe(6);
    expect(marked(editor)).toEqual(['셋째 문단 데스크']);
    editor.chain().setTextSelection(endOf(editor, 4)).insertContent(' 내 손질').run();
    // Own edits keep the mark (until Done); a change from others then finds it again in the shared document.
    deskTypes(0, '!');
    expect(marked(editor)).toEqual(['셋째 문단 데스크 내 손질']);
  });

  it('Done clears the marks, and Next goes from one to the next', async () => {
    const { editor, status, deskTypes, live } = await setUp(true);
    status(false);
    deskTypes(0, ' 하나');
    deskTypes(3, ' 둘');
    status(true);
    expect(marked(editor)).toHaveLength(2);
    editor.commands.setTextSelection(endOf(editor, 1));
    expect(goToNextChanged(editor.view)).toBe(true);
    expect(editor.state.selection.$from.parent.textContent).toBe('넷째 문단 둘');
    expect(goToNextChanged(editor.view)).toBe(true);
    expect(editor.state.selection.$from.parent.textContent).toBe('첫째 문단 하나');
    clearChangedMeanwhile(editor.view, live.meanwhile);
    expect(marked(editor)).toEqual([]);
    expect(live.meanwhile.where().indices).toEqual([]);
    expect(goToNextChanged(editor.view)).toBe(false);
    // Changes once back stay unmarked after Done too.
    deskTypes(1, ' 셋');
    expect(marked(editor)).toEqual([]);
  });

  it('counts a change held back during a composition by when the core sent it, not when it is let in', async () => {
    const { editor, status, deskTypes, live } = await setUp(true);
    status(false);
    live.hold();
    deskTypes(1, ' 조합 중에 온 수정');
    status(true);
    expect(marked(editor)).toEqual([]);
    live.release();
    expect(marked(editor)).toEqual(['둘째 문단 조합 중에 온 수정']);
  });

  it('marks what the server’s sync brings to a story opened from its replica, and nothing on a first open', async () => {
    const fromReplica = await setUp(false);
    fromReplica.deskTypes(1, ' 서버에 있던 수정');
    fromReplica.status(true);
    expect(marked(fromReplica.editor)).toEqual(['둘째 문단 서버에 있던 수정']);
    // Opened with the server's state (the core waited for its sync): nothing is news.
    const firstOpen = await setUp(true);
    firstOpen.deskTypes(1, ' 실시간');
    expect(marked(firstOpen.editor)).toEqual([]);
  });
});
