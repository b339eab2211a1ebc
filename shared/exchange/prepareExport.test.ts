import { describe, it, expect } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, emptyContent, type Article } from '../model/article';
import { defaultSettings } from '../model/settings';
import { prepareExport } from './prepareExport';

const at = '2026-12-07T06:30:00.000Z';
const wireStory = (dateline: string): Article => ({
  ...emptyContent('ko'),
  headline: '항만 자동화 크레인 첫 가동',
  byline: { outlet: '바다뉴스', desk: '', templateId: 'ko-wire', reporters: [{ name: '정태오', role: '기자', email: '' }] },
  dateline,
  schemaVersion: ARTICLE_SCHEMA_VERSION,
  id: 'wire-story-01',
  revision: 1,
  createdAt: at,
  updatedAt: at,
  status: 'draft',
  trashedAt: null,
  ownerId: null,
  corrections: [],
  lastTransition: null,
});

describe('prepareExport with a template that prints the dateline', () => {
  it('renders the place from the dateline and marks it printed, so the body does not repeat it', () => {
    // The default wire template since settings version 2.
    const settings = defaultSettings();
    const exported = prepareExport(wireStory('부산'), settings, []);
    expect(exported.bylineText).toBe('(부산=바다뉴스) 정태오 기자 =');
    expect(exported.dateline).toBe('부산');
    expect(exported.datelineInByline).toBe(true);
    expect(prepareExport(wireStory(''), settings, []).datelineInByline).toBe(false);
  });

  it('leaves the dateline to the body under a template without {dateline}', () => {
    const settings = defaultSettings();
    settings.bylineTemplates.find((t) => t.id === 'ko-wire')!.pattern = '(<{desk}=>{outlet}) {reporters} =';
    const exported = prepareExport(wireStory('부산'), settings, []);
    expect(exported.bylineText).toBe('(바다뉴스) 정태오 기자 =');
    expect(exported.datelineInByline).toBe(false);
  });
});
