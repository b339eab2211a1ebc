// The renderer's only door to the core: `window.copydesk`, unwrapped so a failure arrives as an
// ApiError with a code the UI translates. Every request names who is acting: the person picked on
// the identity screen, unless the caller names someone (or null, for the first admin) itself.
import type { Input, Method, Output } from '../../shared/contract/api';
import type { CopydeskBridge } from '../../shared/contract/bridge';
import type { CoreEvent } from '../../shared/contract/newsroom';
import { unwrap } from '../../shared/contract/apiError';
import { currentPersonId } from './people/identity';

declare global {
  interface Window {
    copydesk?: CopydeskBridge;
  }
}

function bridge(): CopydeskBridge {
  if (!window.copydesk) throw new Error('Copydesk bridge missing: the app must be opened through Electron or `npm run start:browser`.');
  return window.copydesk;
}

/** A method's input with `actor` left to `call`, which fills in the current person. */
export type CallInput<M extends Method> = Omit<Input<M>, 'actor'> & { actor?: string | null };

export async function call<M extends Method>(method: M, input: CallInput<M>): Promise<Output<M>> {
  const fn = bridge()[method] as (input: Input<M>) => Promise<Parameters<typeof unwrap<Output<M>>>[0]>;
  const actor = input.actor === undefined ? (currentPersonId() ?? undefined) : input.actor;
  return unwrap(await fn({ ...input, ...(actor === undefined ? {} : { actor }) } as Input<M>));
}

export function onCommand(listener: Parameters<NonNullable<CopydeskBridge['onCommand']>>[0]): () => void {
  return window.copydesk?.onCommand?.(listener) ?? (() => undefined);
}

type EventListener = (event: CoreEvent) => void;
const eventListeners = new Set<EventListener>();
let followingHost = false;

/**
 * What the core pushes (the newsroom connection's state, story changes). The window follows the
 * host once and passes each event to every listener here, so the screens that listen do not each
 * hold a connection of their own to the host.
 */
export function onEvent(listener: EventListener): () => void {
  eventListeners.add(listener);
  if (!followingHost && window.copydesk?.onEvent) {
    followingHost = true;
    window.copydesk.onEvent((event) => {
      for (const l of [...eventListeners]) l(event);
    });
  }
  return () => void eventListeners.delete(listener);
}
