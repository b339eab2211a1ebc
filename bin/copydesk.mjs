#!/usr/bin/env node
// `npx copydesk …`: runs the TypeScript command line through tsx, as `npm start` does.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
await import(fileURLToPath(new URL('../cli/copydesk.ts', import.meta.url)));
