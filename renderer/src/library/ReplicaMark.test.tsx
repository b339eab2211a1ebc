// The list row's mark for this machine's copy of a story: "Not sent" while words wait for the
// server, "Synced …" with the exact time once it holds them all, nothing when there is neither.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { ReplicaMark } from './ReplicaMark';

void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });

const NOW = Date.parse('2026-12-07T10:05:00.000Z');

describe('ReplicaMark', () => {
  it('says not sent while words wait, whatever the last sync', () => {
    const html = renderToStaticMarkup(<ReplicaMark sync={{ unsent: true, syncedAt: '2026-12-07T10:00:00.000Z' }} now={NOW} />);
    expect(html).toContain('data-testid="row-unsent"');
    expect(html).toContain('Not sent');
    expect(html).not.toContain('Synced');
  });

  it('says when the server last held everything', () => {
    const html = renderToStaticMarkup(<ReplicaMark sync={{ unsent: false, syncedAt: '2026-12-07T10:00:00.000Z' }} now={NOW} />);
    expect(html).toContain('data-testid="row-synced"');
    expect(html).toContain('Synced 5 minutes ago');
  });

  it('shows nothing without either', () => {
    expect(renderToStaticMarkup(<ReplicaMark sync={{ unsent: false, syncedAt: null }} now={NOW} />)).toBe('');
  });
});
