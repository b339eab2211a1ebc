// Starts searchWorker.ts from TypeScript source (vitest, the browser host and the CLI run through
// tsx): a worker thread does not share the parent's loader hooks, so it registers tsx itself.
// The Electron bundle starts its own compiled copy instead (electron/main/main.ts).
import { register } from 'tsx/esm/api';

register();
await import(new URL('./searchWorker.ts', import.meta.url).href);
