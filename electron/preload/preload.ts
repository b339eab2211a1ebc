// The preload exposes the contract and nothing else: one named function per method (resolving to
// the envelope) and a subscription to menu commands that passes only the validated command name.
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, methods } from '../../shared/contract/api';
import { COMMAND_CHANNEL, MenuCommandSchema, type MenuCommand } from '../../shared/contract/bridge';

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

contextBridge.exposeInMainWorld('copydesk', api);
