/** Where the browser host serves the core's pushes as server-sent events (the bridge's `onEvent`). */
export const EVENTS_PATH = '/__copydesk/events';
