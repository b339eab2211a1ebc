// House style in a library folder bound to a newsroom, through the app's own contract: the app
// proves an imported file first (a refusal never reaches the server), the newsroom proves it
// again and keeps it as its settings, every bound desk sees it, a reporter's import is refused by
// the server, and Export writes the newsroom's set into this machine's export folder.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core/createCore';
import { openTestCore, tempDir } from '../core/testing/tempLibrary';
import { goodRule, oneRuleSetText, refusedSetText } from '../core/testing/ruleSetFixture';
import { activeRuleSets } from '../shared/style/activeRuleSets';
import { pgliteStore, type TestStore } from './testing/bothDatabases';
import { addPeople, DESK_OF_THREE, setUpAdmin, startTestServer, type TestServer } from './testing/testServer';

describe('house style in a library bound to a newsroom', () => {
  let store: TestStore;
  let server: TestServer;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    store = await pgliteStore();
    server = await startTestServer(store);
    await addPeople(server, await setUpAdmin(server), DESK_OF_THREE);
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await server?.close();
    await store?.dispose();
  });

  async function boundCore(login: string, password: string): Promise<{ core: Core; actor: string }> {
    const { dir, cleanup } = await tempDir();
    const core = await openTestCore(dir);
    cleanups.push(async () => {
      await core.close().catch(() => undefined);
      await cleanup();
    });
    const status = await core.handlers.connectNewsroom({ server: server.url, login, password });
    return { core, actor: status.person.id };
  }

  it('imports through the newsroom, which keeps it for every desk; refusals change nothing', { timeout: 120_000 }, async () => {
    const admin = await boundCore('admin', 'admin password');
    const kim = await boundCore('kim', 'kim password 1');
    const refused = await admin.core.handlers.importHouseStyle({ actor: admin.actor, jobId: 'job-bound-000001', name: 'bad.json', text: refusedSetText() });
    expect(refused.ok).toBe(false);
    expect((await kim.core.handlers.getSettings({})).houseStyle.ko.custom).toBeNull();

    const answer = await admin.core.handlers.importHouseStyle({ actor: admin.actor, jobId: 'job-bound-000002', name: 'ours.json', text: oneRuleSetText('ko') });
    expect(answer).toMatchObject({ ok: true, language: 'ko', rules: 1 });
    const hers = await kim.core.handlers.getSettings({});
    expect(activeRuleSets(hers).ko.rules.map((r) => r.id)).toEqual([goodRule.id]);

    await expect(kim.core.handlers.importHouseStyle({ actor: kim.actor, jobId: 'job-bound-000003', name: 'x.json', text: oneRuleSetText('en') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(kim.core.handlers.updateSettings({ actor: kim.actor, houseStyle: { wordList: ['몰래'] } })).rejects.toMatchObject({ code: 'forbidden' });

    // Export writes the newsroom's set here, for anyone.
    const { path, rules } = await kim.core.handlers.exportHouseStyle({ actor: kim.actor, language: 'ko' });
    expect(rules).toBe(1);
    expect(JSON.parse(await readFile(path, 'utf8')).rules.map((r: { id: string }) => r.id)).toEqual([goodRule.id]);
  });
});
