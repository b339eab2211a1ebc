// Starts ruleSetWorker.ts from TypeScript source (vitest, the browser host and the CLI run through
// tsx): a worker thread does not share the parent's loader hooks, so it registers tsx itself. The
// Electron bundle and the built CLI start their own compiled copy instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./ruleSetWorker.ts', import.meta.url).href);
