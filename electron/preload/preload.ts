// The preload exposes the contract and nothing else: one named function per method (resolving to
// the envelope), a subscription to menu commands that passes only the validated command name, and
// one to the core's pushes (newsroom connection and story changes), each checked against its schema.
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, methods } from '../../shared/contract/api';
import { COMMAND_CHANNEL, MenuCommandSchema, type MenuCommand } from '../../shared/contract/bridge';
import { CORE_EVENT_CHANNEL, CoreEventSchema, type CoreEvent } from '../../shared/contract/newsroom';

const api: Record<string, unknown> = {};
for (const method of methods) {
  api[method] = (input: unknown) => ipcRenderer.invoke(channelOf(method), input);
}
api.onCommand = (listener: (command: MenuCommand) => void) => {
  const handler = (_event: unknown, command: unknown) => {
    const parsed = MenuCommandSchema.safeParse(command);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(COMMAND_CHANNEL, handler);
  return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
};

api.onEvent = (listener: (event: CoreEvent) => void) => {
  const handler = (_event: unknown, event: unknown) => {
    const parsed = CoreEventSchema.safeParse(event);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(CORE_EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(CORE_EVENT_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('copydesk', api);
