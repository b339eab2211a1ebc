// Test helper: a real library folder on disk, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../createCore';
import { emptyContent, type ArticleContent } from '../../shared/model/article';

export const appInfo = { version: 'test', platform: 'linux', host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A core on a test library; the hourly backup schedule stays off (tests of it turn it on). */
export function openTestCore(libraryDir: string, now?: () => Date): Promise<Core> {
  return openCore({ libraryDir, appInfo, now, backupSchedule: false });
}

export function content(headline: string, body = '본문'): ArticleContent {
  return {
    ...emptyContent('ko'),
    headline,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
  };
}
