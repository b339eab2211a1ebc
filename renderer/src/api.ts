// The renderer's only door to the core: `window.copydesk`, unwrapped so a failure arrives as an
// ApiError with a code the UI translates.
import type { Input, Method, Output } from '../../shared/contract/api';
import type { CopydeskBridge } from '../../shared/contract/bridge';
import { unwrap } from '../../shared/contract/dispatch';

declare global {
  interface Window {
    copydesk?: CopydeskBridge;
  }
}

function bridge(): CopydeskBridge {
  if (!window.copydesk) throw new Error('Copydesk bridge missing: the app must be opened through Electron or `npm run start:browser`.');
  return window.copydesk;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const fn = bridge()[method] as (input: Input<M>) => Promise<Parameters<typeof unwrap<Output<M>>>[0]>;
  return unwrap(await fn(input));
}

export function onCommand(listener: Parameters<NonNullable<CopydeskBridge['onCommand']>>[0]): () => void {
  return window.copydesk?.onCommand?.(listener) ?? (() => undefined);
}
