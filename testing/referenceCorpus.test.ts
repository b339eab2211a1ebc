// The switch between "conformance suite runs" and "skipped, with this reason": it must never skip
// silently, and never skip where CI says the corpus is required.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const load = () => import('./referenceCorpus');
let dir = '';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function corpusAt(files: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-corpus-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

const ALL = ['fixtures/photos/expected-values.extracted.json', 'fixtures/articles/web-copy-ko.txt', 'fixtures/web-pages/readability/x', 'standards/samples/nitf/ap-nitf.xml', 'standards/samples/ninjs/superdesk-fixtures/x'];

describe('referenceCorpus', () => {
  it('without the corpus: skips, and says so with the reason, once per suite', async () => {
    vi.stubEnv('COPYDESK_CORPUS', ''); // as on a developer's machine, whatever the run around it says
    vi.stubEnv('COPYDESK_CORPUS_DIR', join(tmpdir(), 'copydesk-no-such-corpus'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const m = await load();
    expect(m.corpusPresent).toBe(false);
    expect(m.corpusAbsentReason).toContain('is not beside the repo');
    expect(m.skipConformance('photos')).toBe(true);
    expect(m.skipConformance('photos')).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/^conformance suite skipped \(photos\): .*copydesk-no-such-corpus/);
  });

  it('with part of the corpus: skips, naming what is missing', async () => {
    vi.stubEnv('COPYDESK_CORPUS', ''); // as on a developer's machine, whatever the run around it says
    vi.stubEnv('COPYDESK_CORPUS_DIR', corpusAt(ALL.slice(1)));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const m = await load();
    expect(m.corpusAbsentReason).toContain('lacks fixtures/photos/expected-values.extracted.json');
    expect(m.skipConformance('photos')).toBe(true);
  });

  it('with the corpus: runs, silently', async () => {
    vi.stubEnv('COPYDESK_CORPUS_DIR', corpusAt(ALL));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const m = await load();
    expect(m.corpusPresent).toBe(true);
    expect(m.skipConformance('photos')).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    expect(m.corpus('fixtures', 'photos')).toBe(join(dir, 'fixtures', 'photos'));
  });

  it('where CI requires the corpus, a missing one fails instead of skipping', async () => {
    vi.stubEnv('COPYDESK_CORPUS_DIR', join(tmpdir(), 'copydesk-no-such-corpus'));
    vi.stubEnv('COPYDESK_CORPUS', 'required');
    await expect(load()).rejects.toThrow(/conformance suite required .* is not beside the repo/);
  });
});
