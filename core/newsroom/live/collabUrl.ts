// Where a core joins a newsroom server's live documents: the server's address with ws(s) for
// http(s), the collab path, and this client's body schema version as a URL parameter (Hocuspocus
// 3.4's provider has no `parameters` option: the server reads the upgrade request's query).
import { COLLAB_PATH, COLLAB_SCHEMA_PARAM } from '../../../shared/contract/liveProtocol';
import { LIVE_SCHEMA_VERSION } from '../../../shared/live/bodyFragment';

export function collabUrl(server: string): string {
  const url = new URL(server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = url.pathname.replace(/\/+$/, '') + COLLAB_PATH;
  url.search = new URLSearchParams({ [COLLAB_SCHEMA_PARAM]: String(LIVE_SCHEMA_VERSION) }).toString();
  url.hash = '';
  return url.toString();
}
