// House style in settings, through the real core on a real library folder: an imported rule set is
// proven off the core's thread and kept whole, or refused with every problem named and nothing
// changed; rules turn off and on; the set in force exports as a file that imports back; the word
// list is kept; and only the admin changes any of it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import { activeRuleSets } from '../../shared/style/activeRuleSets';
import { defaultRuleSets } from '../../shared/style/checkArticle';
import { ruleSetProblemText } from '../../shared/style/styleText';
import { addPerson } from '../testing/people';
import { goodRule, oneRuleSetText, refusedSetText } from '../testing/ruleSetFixture';
import { useTestCore } from '../testing/useTestCore';
import { openTestCore } from '../testing/tempLibrary';
import { proveRuleSet, runningProofWorkers, stopIdleProofWorker } from './proveRuleSet';

const lib = useTestCore();
let jobs = 0;
const jobId = () => `job-house-${String(++jobs).padStart(6, '0')}`;

describe('house style in settings', () => {
  it('starts with the default sets, every rule on, and an empty word list', async () => {
    const settings = await lib.core.handlers.getSettings({});
    expect(settings.houseStyle).toEqual({ ko: { custom: null, disabled: [] }, en: { custom: null, disabled: [] }, wordList: [] });
    const active = activeRuleSets(settings);
    expect(active.ko.rules.length).toBe(defaultRuleSets().ko.rules.length);
    expect(active.en.rules.length).toBe(defaultRuleSets().en.rules.length);
  });

  it('a settings file from before house style gets the defaults, and keeps what it had', async () => {
    const path = join(lib.dir, 'settings.json');
    const old = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete old.houseStyle;
    old.outlet = '한빛경제';
    await lib.core.close();
    await writeFile(path, JSON.stringify(old));
    lib.core = await openTestCore(lib.dir);
    const settings = await lib.core.handlers.getSettings({});
    expect(settings.outlet).toBe('한빛경제');
    expect(settings.houseStyle.ko).toEqual({ custom: null, disabled: [] });
    expect(settings.houseStyle.wordList).toEqual([]);
  });

  it('imports a set that proves: it is the set in force for its language, kept across a restart', async () => {
    const answer = await lib.core.handlers.importHouseStyle({ actor: lib.actor, jobId: jobId(), name: 'ours.json', text: oneRuleSetText('ko') });
    expect(answer).toMatchObject({ ok: true, language: 'ko', rules: 1 });
    expect(activeRuleSets(await lib.core.handlers.getSettings({})).ko.rules.map((r) => r.id)).toEqual([goodRule.id]);
    await lib.core.close();
    lib.core = await openTestCore(lib.dir);
    const settings = await lib.core.handlers.getSettings({});
    expect(settings.houseStyle.ko.custom?.name).toBe('ours.json');
    expect(activeRuleSets(settings).ko.rules.map((r) => r.id)).toEqual([goodRule.id]);
    // The other language keeps its default set.
    expect(activeRuleSets(settings).en.rules.length).toBe(defaultRuleSets().en.rules.length);
    // The worker that answered waits for a next file; nothing else is left running.
    expect(runningProofWorkers()).toBeLessThanOrEqual(1);
    stopIdleProofWorker();
    await expect.poll(() => runningProofWorkers(), { timeout: 10_000 }).toBe(0);
  });

  it('refuses a set with problems, naming each rule, and changes nothing', async () => {
    const before = await lib.core.handlers.getSettings({});
    const answer = await lib.core.handlers.importHouseStyle({ actor: lib.actor, jobId: jobId(), name: 'bad.json', text: refusedSetText() });
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.problems.map((p) => [p.kind, 'ruleId' in p ? p.ruleId : ''])).toEqual([
      ['unsafePattern', 'nested-repeat'],
      ['examplesFail', 'wrong-example'],
    ]);
    expect(ruleSetProblemText(answer.problems[0], 'ko')).toContain('nested-repeat');
    expect(await lib.core.handlers.getSettings({})).toEqual(before);
    // Not JSON at all: one problem, through the contract as the window calls it.
    const notJson = await dispatch(lib.core.handlers, 'importHouseStyle', { actor: lib.actor, jobId: jobId(), name: 'x.json', text: '{ not json' });
    expect(notJson).toMatchObject({ ok: true, value: { ok: false, problems: [{ kind: 'shape' }] } });
    expect(await lib.core.handlers.getSettings({})).toEqual(before);
  });

  it('turns rules off and on, goes back to the default set, and keeps the word list', async () => {
    const [first, second] = defaultRuleSets().ko.rules;
    const off = await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { ko: { disabled: [first.id, second.id] } } });
    const ids = activeRuleSets(off).ko.rules.map((r) => r.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);
    expect(ids.length).toBe(defaultRuleSets().ko.rules.length - 2);
    // English untouched by a Korean change.
    expect(activeRuleSets(off).en.rules.length).toBe(defaultRuleSets().en.rules.length);
    const on = await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { ko: { disabled: [second.id] } } });
    expect(activeRuleSets(on).ko.rules.map((r) => r.id)).toContain(first.id);

    const words = await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { wordList: ['카카오페이', '한빛경제', '카카오페이'] } });
    expect(words.houseStyle.wordList).toEqual(['카카오페이', '한빛경제']);
    expect(words.houseStyle.ko.disabled).toEqual([second.id]);
    const twoWords = await dispatch(lib.core.handlers, 'updateSettings', { actor: lib.actor, houseStyle: { wordList: ['두 단어'] } });
    expect(twoWords).toMatchObject({ ok: false, error: { code: 'invalidInput' } });

    await lib.core.handlers.importHouseStyle({ actor: lib.actor, jobId: jobId(), name: 'ours.json', text: oneRuleSetText('ko') });
    const reset = await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { ko: { useDefault: true } } });
    expect(reset.houseStyle.ko).toEqual({ custom: null, disabled: [] });
    expect(reset.houseStyle.wordList).toEqual(['카카오페이', '한빛경제']);
    // A settings patch cannot carry a set: only importHouseStyle, which proves it, can.
    const smuggled = await dispatch(lib.core.handlers, 'updateSettings', { actor: lib.actor, houseStyle: { ko: { custom: { set: JSON.parse(oneRuleSetText()) } } } });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });

  it('exports the set the checker runs as a file that imports back the same', async () => {
    const off = defaultRuleSets().en.rules[0].id;
    await lib.core.handlers.updateSettings({ actor: lib.actor, outlet: '한빛경제', houseStyle: { en: { disabled: [off] } } });
    const { path, rules } = await lib.core.handlers.exportHouseStyle({ actor: lib.actor, language: 'en' });
    expect(path.startsWith(join(lib.dir, 'exports'))).toBe(true);
    expect(rules).toBe(defaultRuleSets().en.rules.length - 1);
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, outlet: '한빛경제', language: 'en' });
    const back = await lib.core.handlers.importHouseStyle({ actor: lib.actor, jobId: jobId(), name: 'house-style-en.json', text });
    expect(back).toMatchObject({ ok: true, language: 'en', rules });
    if (!back.ok) return;
    expect(activeRuleSets(back.settings).en.rules).toEqual(defaultRuleSets().en.rules.filter((r) => r.id !== off));
    // A second export does not overwrite the first.
    expect((await lib.core.handlers.exportHouseStyle({ actor: lib.actor, language: 'en' })).path).not.toBe(path);
  });

  it('a whole-library restore brings back the rules turned off and the word list', async () => {
    const off = defaultRuleSets().ko.rules[0].id;
    await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { ko: { disabled: [off] }, wordList: ['한빛경제'] } });
    const snapshot = (await lib.core.handlers.createBackup({ actor: lib.actor })).id;
    await lib.core.handlers.updateSettings({ actor: lib.actor, houseStyle: { ko: { disabled: [] }, wordList: [] } });
    await lib.core.handlers.restoreBackup({ actor: lib.actor, jobId: jobId(), snapshot });
    const back = await lib.core.handlers.getSettings({});
    expect(back.houseStyle.ko.disabled).toEqual([off]);
    expect(back.houseStyle.wordList).toEqual(['한빛경제']);
  });

  it('only the admin changes it: an editor and a reporter are refused, and nothing changes', async () => {
    const editor = await addPerson(lib.core, '이데스크', 'editor', lib.actor);
    const reporter = await addPerson(lib.core, '김하늘', 'reporter', lib.actor);
    const before = await lib.core.handlers.getSettings({});
    for (const actor of [editor, reporter]) {
      await expect(lib.core.handlers.importHouseStyle({ actor, jobId: jobId(), name: 'x.json', text: oneRuleSetText() })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'role' } });
      await expect(lib.core.handlers.updateSettings({ actor, houseStyle: { wordList: ['몰래'] } })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'role' } });
      await expect(lib.core.handlers.updateSettings({ actor, houseStyle: { ko: { useDefault: true } } })).rejects.toMatchObject({ code: 'forbidden' });
      // Reading and exporting are anyone's.
      await expect(lib.core.handlers.exportHouseStyle({ actor, language: 'ko' })).resolves.toMatchObject({ rules: before.houseStyle.ko.custom ? 1 : defaultRuleSets().ko.rules.length });
    }
    // Past the gate, the library's own check.
    await expect(lib.core.library.importHouseStyle(defaultRuleSets().ko, 'x.json', editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await lib.core.handlers.getSettings({})).toEqual(before);
  });
});

describe('proving off the main thread', () => {
  it('keeps the event loop ticking while a set of patterns new to it is proven, and reports progress', { timeout: 180_000 }, async () => {
    // Patterns the worker has not seen (the defaults, each wrapped in a group: same meaning, new text).
    const ko = defaultRuleSets().ko;
    const rules = ko.rules.slice(0, 80).map((r) => ({ ...r, check: { ...r.check, pattern: `(?:${r.check.pattern})` } }));
    const text = JSON.stringify({ ...ko, rules });
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 10);
    const progress: number[] = [];
    const started = performance.now();
    try {
      const result = await proveRuleSet(text, { onProgress: (done) => progress.push(done) });
      expect(result.ok).toBe(true);
    } finally {
      clearInterval(ticker);
    }
    const took = performance.now() - started;
    // Proven here, the loop would stop for the whole proof (seconds); in a worker it keeps ticking.
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(Math.max(took / 2, 250));
    expect(progress.at(-1)).toBe(rules.length);
    // Kept for the next file, which it proves without starting another worker.
    expect(runningProofWorkers()).toBe(1);
    expect(await proveRuleSet(oneRuleSetText())).toMatchObject({ ok: true });
    expect(runningProofWorkers()).toBe(1);
    stopIdleProofWorker();
    await expect.poll(() => runningProofWorkers(), { timeout: 10_000 }).toBe(0);
  });

  it('a proof past its time limit is refused and its worker ended', { timeout: 60_000 }, async () => {
    const ko = defaultRuleSets().ko;
    const text = JSON.stringify({ ...ko, rules: ko.rules.map((r) => ({ ...r, check: { ...r.check, pattern: `(?:(?:(?:${r.check.pattern})))` } })) });
    await expect(proveRuleSet(text, { limitMs: 50 })).rejects.toMatchObject({ code: 'importFailed', params: { reason: 'ruleSetTooSlow' } });
    await expect.poll(() => runningProofWorkers(), { timeout: 10_000 }).toBe(0);
  });

  it('a cancelled proof ends its worker', { timeout: 60_000 }, async () => {
    const ko = defaultRuleSets().ko;
    const text = JSON.stringify({ ...ko, rules: ko.rules.map((r) => ({ ...r, check: { ...r.check, pattern: `(?:(?:${r.check.pattern}))` } })) });
    const abort = new AbortController();
    const proof = proveRuleSet(text, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(proof).rejects.toMatchObject({ code: 'cancelled' });
    await expect.poll(() => runningProofWorkers(), { timeout: 10_000 }).toBe(0);
  });
});
