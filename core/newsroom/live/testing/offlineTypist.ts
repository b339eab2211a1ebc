// Test helper process (liveReplica.test.ts): a bound core whose newsroom server is down opens a
// story from its replica on disk, a window types each argument into its first paragraph, and once
// the last one is in the replica's file the process says `typed` and waits to be killed.
//   node --import tsx offlineTypist.ts LIBRARY_DIR STORY_ID TEXT...
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { dispatch } from '../../../../shared/contract/dispatch';
import { BODY_FRAGMENT } from '../../../../shared/live/bodyFragment';
import { openCore } from '../../../createCore';
import { appInfo } from '../../../testing/tempLibrary';
import { readBinding } from '../../newsroomBinding';
import { replicaPath } from '../replicaLog';

const [dir, id, ...texts] = process.argv.slice(2);
const core = await openCore({ libraryDir: dir, appInfo, backupSchedule: false, liveOpenTimeoutMs: 2000 });
const actor = (await readBinding(dir))!.person.id;
const opened = await dispatch(core.handlers, 'openLiveStory', { actor, id });
if (!opened.ok) throw new Error(`open: ${opened.error.code} ${opened.error.message}`);
const { state, connected } = opened.value as { state: string; connected: boolean };
if (connected) throw new Error('the server was expected to be down');
const window = new Y.Doc();
Y.applyUpdate(window, new Uint8Array(Buffer.from(state, 'base64')));
for (const text of texts) {
  let update: Uint8Array | null = null;
  window.once('update', (u: Uint8Array) => (update = u));
  const run = (window.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  run.insert(run.length, text);
  const sent = await dispatch(core.handlers, 'sendLiveUpdate', { actor, id, update: Buffer.from(update!).toString('base64') });
  if (!sent.ok) throw new Error(`send: ${sent.error.code} ${sent.error.message}`);
}
const last = Buffer.from(texts.at(-1)!, 'utf8');
for (;;) {
  const bytes = await readFile(replicaPath(dir, id)!);
  if (bytes.includes(last)) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
process.stdout.write('typed\n');
setInterval(() => undefined, 1 << 30);
