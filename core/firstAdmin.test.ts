// The first person of a library sets it up as its admin without saying who they are — but only in
// a library that never had people. One that lost people.json and its last good copy stays shut
// until the file is put back, so whoever opens it next cannot make themselves admin.
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import type { Core } from './createCore';
import { openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin, addPerson } from './testing/people';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core | null = null;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await core?.close();
  core = null;
  await cleanup();
});

const marker = async () => JSON.parse(await readFile(join(dir, 'copydesk-library.json'), 'utf8')) as Record<string, unknown>;
const claimAdmin = (c: Core) =>
  dispatch(c.handlers, 'savePerson', { actor: null, person: { name: '누군가', role: 'admin', desk: '', email: '', bylineName: '', bylineRole: '', active: true } });
const peopleLost = { ok: false, error: { code: 'forbidden', params: { reason: 'peopleLost' } } };

async function reopen(): Promise<Core> {
  await core?.close();
  core = await openTestCore(dir);
  return core;
}

describe('the first admin', () => {
  it('a new library lets its first person in as admin, and remembers for good that it has people', async () => {
    core = await openTestCore(dir);
    expect(await marker()).not.toHaveProperty('hadPeople');
    expect(await claimAdmin(core)).toMatchObject({ ok: true, value: { role: 'admin' } });
    expect(await marker()).toMatchObject({ format: 'copydesk-library', hadPeople: true });
    // A second "first" admin is refused: the library has people now.
    expect(await claimAdmin(core)).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'unknownPerson' } } });
  });

  it('a library that lost people.json and its last good copy refuses the first-admin path until the file is back', async () => {
    core = await openTestCore(dir);
    const admin = await addAdmin(core);
    await addPerson(core, '김하늘', 'reporter', admin);
    await core.close();
    await copyFile(join(dir, 'people.json'), join(dir, 'kept-people.json'));
    await rm(join(dir, 'people.json'));
    await rm(join(dir, 'people.json.bak'), { force: true });
    let c = await reopen();
    expect(await c.handlers.listPeople({})).toEqual([]);
    expect(await claimAdmin(c)).toMatchObject(peopleLost);
    // Past the gate, the people store refuses it as well.
    await expect(c.library.savePerson(null, { name: '누군가', role: 'admin', desk: '', email: '', bylineName: '', bylineRole: '', active: true })).rejects.toMatchObject({
      code: 'forbidden',
      params: { reason: 'peopleLost' },
    });
    expect(await c.handlers.listPeople({})).toEqual([]);
    // Put back, everyone is there again and the admin acts as before.
    await c.close();
    core = null;
    await copyFile(join(dir, 'kept-people.json'), join(dir, 'people.json'));
    c = await reopen();
    expect((await c.handlers.listPeople({})).map((p) => p.role).sort()).toEqual(['admin', 'reporter']);
    expect(await dispatch(c.handlers, 'createArticle', { actor: admin })).toMatchObject({ ok: true });
  });

  it('a damaged people.json with no good copy is reported, and the first-admin path stays shut', async () => {
    core = await openTestCore(dir);
    await addAdmin(core);
    await core.close();
    await writeFile(join(dir, 'people.json'), '{"format":"copydesk-people","vers');
    await rm(join(dir, 'people.json.bak'), { force: true });
    const c = await reopen();
    const info = await c.handlers.getLibraryInfo({});
    expect(info.notices).toEqual([expect.objectContaining({ code: 'peopleReset', params: expect.objectContaining({ restored: 'none' }) })]);
    // The identity screen learns it before anyone fills in a form the core would refuse.
    expect(info.peopleLost).toBe(true);
    expect(await claimAdmin(c)).toMatchObject(peopleLost);
  });

  it('a library from before the marker knew about people is marked when it opens with people', async () => {
    core = await openTestCore(dir);
    await addAdmin(core);
    await core.close();
    core = null;
    await writeFile(join(dir, 'copydesk-library.json'), JSON.stringify({ format: 'copydesk-library', schemaVersion: 1 }));
    await reopen();
    expect(await marker()).toMatchObject({ hadPeople: true });
    await core!.close();
    core = null;
    await rm(join(dir, 'people.json'));
    await rm(join(dir, 'people.json.bak'), { force: true });
    expect(await claimAdmin(await reopen())).toMatchObject(peopleLost);
  });

  it('a library that never had people still gets its first admin, whatever its marker was written by', async () => {
    await writeFile(join(dir, 'copydesk-library.json'), JSON.stringify({ format: 'copydesk-library', schemaVersion: 1 }));
    const c = await reopen();
    expect((await c.handlers.getLibraryInfo({})).peopleLost).toBe(false);
    expect(await claimAdmin(c)).toMatchObject({ ok: true });
  });

  it('a library whose stories have owners had people, even with people.json, its copy and the marker all deleted', async () => {
    core = await openTestCore(dir);
    const admin = await addAdmin(core);
    await core.handlers.createArticle({ actor: admin });
    await core.close();
    core = null;
    for (const f of ['people.json', 'people.json.bak', 'copydesk-library.json']) await rm(join(dir, f), { force: true });
    const c = await reopen();
    expect((await c.handlers.getLibraryInfo({})).peopleLost).toBe(true);
    expect(await claimAdmin(c)).toMatchObject(peopleLost);
    expect(await marker()).toMatchObject({ hadPeople: true });
  });

  it('a marker that cannot be read counts as a library that had people', async () => {
    await writeFile(join(dir, 'copydesk-library.json'), '{"format":');
    const c = await reopen();
    expect(await claimAdmin(c)).toMatchObject(peopleLost);
  });
});
