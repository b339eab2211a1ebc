/**
 * V8 flags for a process that holds the core (the browser host; Electron's main process when
 * started with `npm start`). A small young generation: the core's garbage is short-lived (a save's
 * JSON, a query's arrays) and V8's default lets that space grow to 48 MB and keep it. At 100,000
 * articles this took the browser host from 424 MB to 351 MB after 200 searches and 60 saves
 * (the list bench). They must be given when the process starts (v8.setFlagsFromString is too late).
 */
export const CORE_V8_FLAGS = ['--max-semi-space-size=2'] as const;
