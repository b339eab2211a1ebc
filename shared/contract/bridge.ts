// What the renderer finds on `window.copydesk`, whichever host put it there (Electron's preload or
// the browser host's bridge script): one function per contract method resolving to an envelope,
// and, in Electron, a subscription to menu commands.
import { z } from 'zod';
import type { Input, Method, Output } from './api';
import type { Envelope } from './errors';
import type { CoreEvent } from './newsroom';

export const COMMAND_CHANNEL = 'copydesk:command';

/** Commands the main process sends the window: menu items, and `flush` before the window closes. */
export const MenuCommandSchema = z.enum(['flush', 'newArticle', 'showLibrary', 'showSettings', 'save', 'importFiles', 'exportArticles']);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export type CopydeskBridge = { [M in Method]: (input: Input<M>) => Promise<Envelope<Output<M>>> } & {
  onCommand?: (listener: (command: MenuCommand) => void) => () => void;
  /** What the core pushes: connection changes and the newsroom's story changes (both hosts). */
  onEvent?: (listener: (event: CoreEvent) => void) => () => void;
};
