// The last step of a text importer: what it read, fitted into ArticleContent's limits and checked
// against the schema, so a reader either returns an article the library will accept or throws.
import { ApiError } from '../../contract/errors';
import { ArticleContentSchema, emptyContent, type ArticleContent, type Body, type Language, type Reporter } from '../../model/article';
import { inlineText } from '../../counting/countBody';
import { toImportSummary } from '../importSummary';
import { languageFromText } from '../textLanguage';

export interface ImportedParts {
  /** What the file declared (`ko`, `en-GB`, `sv`…); empty if nothing. */
  declaredLanguage: string;
  kicker: string;
  headline: string;
  deck: string[];
  outlet: string;
  desk: string;
  reporters: Reporter[];
  dateline: string;
  tags: string[];
  body: Body;
  embargo: string | null;
}

/** ko or en: the declared language if it is one of ours, else Korean when the text is mostly Hangul. */
export function detectLanguage(declared: string, sample: string): Language {
  const tag = declared.trim().toLowerCase();
  if (tag.startsWith('ko')) return 'ko';
  if (tag.startsWith('en')) return 'en';
  return languageFromText(sample);
}

const clip = (text: string, max: number) => Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, max).join('');

/** An ISO date-time in UTC, or null for anything that is not a date. */
export function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function importedContent(parts: ImportedParts, file: string): ArticleContent {
  const sample = [parts.headline, inlineText(parts.body)].join(' ');
  const content: ArticleContent = {
    ...emptyContent(detectLanguage(parts.declaredLanguage, sample)),
    kicker: clip(parts.kicker, 200),
    headline: clip(parts.headline, 1000),
    deck: parts.deck.map((d) => clip(d, 1000)).filter(Boolean).slice(0, 4),
    byline: {
      outlet: clip(parts.outlet, 200),
      desk: clip(parts.desk, 200),
      templateId: '',
      reporters: parts.reporters
        .map((r) => ({ name: clip(r.name, 200), role: clip(r.role, 50), email: clip(r.email, 320) }))
        .filter((r) => r.name)
        .slice(0, 20),
    },
    dateline: clip(parts.dateline, 200),
    tags: [...new Set(parts.tags.map((t) => clip(t, 100)).filter(Boolean))].slice(0, 50),
    body: parts.body,
    embargo: isoOrNull(parts.embargo),
  };
  const summary = toImportSummary(content);
  if (!summary.headline && !summary.body) throw new ApiError('importFailed', `${file}: no headline and no body text`, { reason: 'empty', file });
  const parsed = ArticleContentSchema.safeParse(content);
  if (!parsed.success) throw new ApiError('importFailed', `${file}: ${parsed.error.message}`, { reason: 'malformed', file });
  return parsed.data;
}
