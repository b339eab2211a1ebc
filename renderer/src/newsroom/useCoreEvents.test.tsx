// @vitest-environment jsdom
// The screens' side of the core's pushes: a burst of story changes is followed once (and once more
// when the connection is back online), nothing is followed for a local library, what was read at
// start is read again when back online or told to resync, and the header's connection state never
// goes back to an older answer after a newer pushed event.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CoreEvent, NewsroomStatus } from '../../../shared/contract/newsroom';
import type { ArticleSummary } from '../../../shared/model/article';
import { CONNECTION_RESYNC_MS, useBackOnline, useConnectionState, useStoryEvents } from './useCoreEvents';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const listeners = new Set<(event: CoreEvent) => void>();
const push = (event: CoreEvent) => act(() => listeners.forEach((l) => l(event)));
let answerInfo: (status: NewsroomStatus) => void = () => undefined;
Object.defineProperty(window, 'copydesk', {
  value: {
    onEvent: (listener: (event: CoreEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // Held until the test answers, as a slow answer on another connection than the pushes'.
    getLibraryInfo: () => new Promise((resolve) => (answerInfo = (newsroom) => resolve({ ok: true, value: { newsroom } }))),
  },
});

const story = { type: 'article', summary: { id: 'a1' } as ArticleSummary } as const;
const STATUS: NewsroomStatus = { server: 'http://news.example', person: { id: 'p1', name: '김하늘', role: 'reporter', desk: '', email: '', bylineName: '김하늘', bylineRole: '기자', active: true }, state: 'connecting' };

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});
function mount(node: React.ReactNode) {
  root = createRoot(document.createElement('div'));
  act(() => root!.render(node));
}

function Follower(props: { connected: boolean; onChange(): void }) {
  useStoryEvents(props.connected, props.onChange);
  return null;
}

describe('useStoryEvents', () => {
  it('follows a burst of changes once, 100 ms after the last, and again when the connection is back online', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    mount(<Follower connected onChange={onChange} />);
    push(story);
    await act(() => vi.advanceTimersByTimeAsync(60));
    push({ type: 'removed', id: 'a2' });
    push({ type: 'connection', state: 'offline' }); // not a change to follow
    await act(() => vi.advanceTimersByTimeAsync(60));
    expect(onChange).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(60));
    expect(onChange).toHaveBeenCalledTimes(1);
    push({ type: 'connection', state: 'online' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('follows nothing for a local library', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    mount(<Follower connected={false} onChange={onChange} />);
    push(story);
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(onChange).not.toHaveBeenCalled();
  });
});

function Reader(props: { onOnline(): void }) {
  useBackOnline(true, props.onOnline);
  return null;
}

describe('useBackOnline', () => {
  it('reads again when the connection is back online and when the server says changes may have gone unpushed, not on story changes', () => {
    const onOnline = vi.fn();
    mount(<Reader onOnline={onOnline} />);
    push(story);
    push({ type: 'connection', state: 'offline' });
    expect(onOnline).not.toHaveBeenCalled();
    push({ type: 'connection', state: 'online' });
    expect(onOnline).toHaveBeenCalledTimes(1);
    push({ type: 'resync' });
    expect(onOnline).toHaveBeenCalledTimes(2);
  });
});

function Badge(props: { newsroom: NewsroomStatus }) {
  const [state] = useConnectionState(props.newsroom);
  return <span data-state={state ?? ''} />;
}

describe('useConnectionState', () => {
  it('follows pushed events, and an answer that left before the last event does not override it', async () => {
    const host = document.createElement('div');
    root = createRoot(host);
    act(() => root!.render(<Badge newsroom={STATUS} />));
    const shown = () => host.querySelector('span')!.getAttribute('data-state');
    expect(shown()).toBe('connecting');
    push({ type: 'connection', state: 'online' });
    expect(shown()).toBe('online');
    await act(async () => answerInfo({ ...STATUS, state: 'connecting' })); // asked at mount, answered late
    expect(shown()).toBe('online');
  });

  it('asks the core again a while later, so an event lost while the window opened its stream is put right', async () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    root = createRoot(host);
    act(() => root!.render(<Badge newsroom={{ ...STATUS, state: 'online' }} />));
    const shown = () => host.querySelector('span')!.getAttribute('data-state');
    await act(async () => answerInfo({ ...STATUS, state: 'online' })); // asked at mount
    // The core went offline and said so once, before this window listened: nothing was pushed here.
    expect(shown()).toBe('online');
    await act(async () => vi.advanceTimersByTime(CONNECTION_RESYNC_MS));
    await act(async () => answerInfo({ ...STATUS, state: 'offline' }));
    expect(shown()).toBe('offline');
  });
});
