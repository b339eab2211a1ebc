// House style on the newsroom server, over HTTP, on PGlite and the real PostgreSQL: an admin's
// rule set file is proven on the server (whatever the app proved) in a worker, while the server
// keeps answering; a refused file changes nothing and names each problem; the desk and reporters
// are refused; rules turned off and the word list are the newsroom's settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/contract/api';
import type { Settings } from '../../shared/model/settings';
import { activeRuleSets } from '../../shared/style/activeRuleSets';
import { defaultRuleSets } from '../../shared/style/checkArticle';
import { goodRule, oneRuleSetText, refusedSetText } from '../../core/testing/ruleSetFixture';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { stopIdleProofWorker } from '../../core/style/proveRuleSet';
import { staffDeskOfThree, startTestServer, type Answer, type TestServer } from '../testing/testServer';

type ImportAnswer = { ok: true; language: string; rules: number; settings: Settings } | { ok: false; problems: { kind: string; ruleId?: string }[] };

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`house style on the server (${kind})`, () => {
    const s = store as TestStore;
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const api = (who: string, method: Method, input: Record<string, unknown> = {}): Promise<Answer> => server.call('POST', `/api/call/${method}`, input, tokens[who]);
    const value = async <T,>(who: string, method: Method, input: Record<string, unknown> = {}): Promise<T> => {
      const answer = await api(who, method, input);
      if (answer.status !== 200) throw new Error(`${who} ${method}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };
    let jobs = 0;
    const jobId = () => `job-server-house-${++jobs}`;

    beforeAll(async () => {
      server = await startTestServer(s);
      await staffDeskOfThree(server, tokens, ids);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    it('refuses the desk and reporters, and a settings patch that would change the rules', async () => {
      const before = await value<Settings>('admin', 'getSettings');
      for (const who of Object.keys(tokens).filter((w) => w !== 'admin')) {
        const answer = await api(who, 'importHouseStyle', { jobId: jobId(), name: 'x.json', text: oneRuleSetText() });
        expect([answer.status, answer.body.error?.code, answer.body.error?.params.reason]).toEqual([403, 'forbidden', 'role']);
        const patch = await api(who, 'updateSettings', { houseStyle: { wordList: ['몰래'] } });
        expect([patch.status, patch.body.error?.code]).toEqual([403, 'forbidden']);
      }
      expect(await value<Settings>('admin', 'getSettings')).toEqual(before);
    });

    it('refuses a file with problems, naming each rule, and changes nothing', async () => {
      const before = await value<Settings>('admin', 'getSettings');
      const answer = await value<ImportAnswer>('admin', 'importHouseStyle', { jobId: jobId(), name: 'bad.json', text: refusedSetText() });
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.problems.map((p) => [p.kind, p.ruleId])).toEqual([
        ['unsafePattern', 'nested-repeat'],
        ['examplesFail', 'wrong-example'],
      ]);
      expect(await value<Settings>('admin', 'getSettings')).toEqual(before);
    });

    it('proves an admin’s file while it keeps answering others, then keeps it; rules off and the word list too', { timeout: 180_000 }, async () => {
      // Patterns new to the prover (each default wrapped in a group; a fresh worker, which remembers
      // no verdicts from the other database's run), so the proof takes seconds.
      stopIdleProofWorker();
      const ko = defaultRuleSets().ko;
      const rules = ko.rules.slice(0, 60).map((r) => ({ ...r, check: { ...r.check, pattern: `(?:${r.check.pattern})` } }));
      let importing = true;
      const proof = value<ImportAnswer>('admin', 'importHouseStyle', { jobId: jobId(), name: 'ours.json', text: JSON.stringify({ ...ko, rules }) }).finally(() => (importing = false));
      // While it proves, another person's reads are answered.
      let answeredMeanwhile = 0;
      while (importing) {
        const settings = await value<Settings>(Object.keys(tokens).find((w) => w !== 'admin')!, 'getSettings');
        if (importing && settings.houseStyle.ko.custom === null) answeredMeanwhile++;
        await new Promise((r) => setTimeout(r, 50));
      }
      const answer = await proof;
      expect(answer).toMatchObject({ ok: true, language: 'ko', rules: rules.length });
      expect(answeredMeanwhile).toBeGreaterThan(0);
      const stored = await value<Settings>('admin', 'getSettings');
      expect(stored.houseStyle.ko.custom?.name).toBe('ours.json');
      expect(activeRuleSets(stored).ko.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));

      const off = await value<Settings>('admin', 'updateSettings', { houseStyle: { ko: { disabled: [rules[0].id] }, wordList: ['한빛경제'] } });
      expect(activeRuleSets(off).ko.rules.length).toBe(rules.length - 1);
      expect(off.houseStyle.wordList).toEqual(['한빛경제']);
      const back = await value<Settings>('admin', 'updateSettings', { houseStyle: { ko: { useDefault: true } } });
      expect(back.houseStyle.ko).toEqual({ custom: null, disabled: [] });
      expect(back.houseStyle.wordList).toEqual(['한빛경제']);
      // The one-rule file, in English: the Korean set stays.
      await value('admin', 'importHouseStyle', { jobId: jobId(), name: 'en.json', text: oneRuleSetText('en') });
      const both = await value<Settings>('admin', 'getSettings');
      expect(activeRuleSets(both).en.rules.map((r) => r.id)).toEqual([goodRule.id]);
      expect(both.houseStyle.ko.custom).toBeNull();
    });
  });
}
