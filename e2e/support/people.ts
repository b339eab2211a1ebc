// People an e2e library starts with: written to people.json before the app opens, and the
// browser told who is at the keyboard, as a returning user's machine would remember.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { personStorageKey as key, type Person } from '../../shared/model/person';

const person = (n: number, name: string, role: Person['role'], desk = '산업부'): Person => ({
  id: `e2e00000-0000-4000-8000-00000000000${n}`,
  name,
  role,
  desk,
  email: '',
  bylineName: name,
  bylineRole: '기자',
  active: true,
});

export const ADMIN = person(1, '관리자', 'admin');
export const REPORTER = person(2, '김하늘', 'reporter');
export const EDITOR = person(3, '이데스크', 'editor');

/** `admin`: the admin alone; `desk`: the admin, a reporter and an editor. */
export const TEAMS = { admin: [ADMIN], desk: [ADMIN, REPORTER, EDITOR] } satisfies Record<string, Person[]>;
export type Team = keyof typeof TEAMS;

export async function seedPeople(libraryDir: string, people: Person[]): Promise<void> {
  await writeFile(join(libraryDir, 'people.json'), JSON.stringify({ format: 'copydesk-people', version: 1, people }));
}

/** Every page of this browser context starts as `personId` (an init script runs before the app). */
export async function signInContext(context: BrowserContext, libraryDir: string, personId: string): Promise<void> {
  await context.addInitScript(([k, id]) => localStorage.setItem(k, id), [key(libraryDir), personId] as const);
}

/** For a window that is already open (Electron): remember the person and reload. */
export async function signInPage(page: Page, libraryDir: string, personId: string): Promise<void> {
  await page.evaluate(([k, id]) => localStorage.setItem(k, id), [key(libraryDir), personId] as const);
  await page.reload();
}
