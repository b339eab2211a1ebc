// The IPC boundary: every payload is validated before the core sees it, and a bad one changes nothing.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import { methods } from '../shared/contract/api';
import { content } from './testing/tempLibrary';
import { useTestCore } from './testing/useTestCore';

const lib = useTestCore();

describe('contract dispatch', () => {
  it('implements every contract method', () => {
    expect(Object.keys(lib.core.handlers).sort()).toEqual([...methods].sort());
  });

  it('round-trips a valid call', async () => {
    const created = await dispatch(lib.core.handlers, 'createArticle', { actor: lib.actor, language: 'en' });
    expect(created).toMatchObject({ ok: true, value: { language: 'en', revision: 0 } });
  });

  const bad: [string, (typeof methods)[number], unknown][] = [
    ['wrong type', 'listArticles', { scope: 7 }],
    ['unknown enum value', 'listArticles', { scope: 'everything' }],
    ['extra key', 'createArticle', { language: 'ko', admin: true }],
    ['path traversal id', 'getArticle', { id: '../../etc/passwd' }],
    ['absolute path id', 'trashArticle', { id: '/etc/passwd' }],
    ['not an object', 'saveArticle', 'DROP TABLE'],
    ['oversized headline', 'saveArticle', { id: '00000000-0000-4000-8000-000000000000', baseRevision: 0, content: { ...content(''), headline: 'x'.repeat(100_000) } }],
    ['body not a doc', 'saveArticle', { id: '00000000-0000-4000-8000-000000000000', baseRevision: 0, content: { ...content(''), body: { type: 'script' } } }],
    ['settings with a bad template', 'updateSettings', { bylineTemplates: [{ id: '' }] }],
    ['a save without a person', 'createArticle', { language: 'ko' }],
    ['an action that does not exist', 'transitionArticle', { id: '00000000-0000-4000-8000-000000000000', actor: '00000000-0000-4000-8000-000000000000', action: 'publishNow' }],
    ['a person with a role that does not exist', 'savePerson', { actor: null, person: { name: 'x', role: 'owner', desk: '', email: '', bylineName: '', bylineRole: '', active: true } }],
  ];
  for (const [name, method, payload] of bad) {
    it(`rejects ${name} with invalidInput and writes nothing`, async () => {
      const before = await readdir(join(lib.dir, 'articles'));
      const result = await dispatch(lib.core.handlers, method, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
      expect(await readdir(join(lib.dir, 'articles'))).toEqual(before);
    });
  }

  it('reports a missing article as notFound', async () => {
    const result = await dispatch(lib.core.handlers, 'getArticle', { actor: lib.actor, id: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});
