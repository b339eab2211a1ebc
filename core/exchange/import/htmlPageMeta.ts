// What a news page says about itself outside its body: schema.org NewsArticle JSON-LD first (the
// most deliberate), then OpenGraph / article:* and plain <meta> tags. Read before Readability
// runs, because Readability removes the scripts that hold the JSON-LD.
import { decodeHTML } from 'entities';

export interface PageMeta {
  headline: string;
  authors: string[];
  section: string;
  keywords: string[];
  description: string;
  siteName: string;
  /** As declared (`en-us`, `ko`, `ja_JP`), lower-case; '' if none. */
  lang: string;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

const text = (v: Json | undefined): string => (typeof v === 'string' ? decodeHTML(v).replace(/\s+/g, ' ').trim() : '');
const isObject = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      visit(JSON.parse(source) as Json);
    } catch {
      // A broken JSON-LD block is ignored, as search engines do; the page has other metadata.
    }
  }
  return out;
}

function names(v: Json | undefined): string[] {
  return list(v)
    .map((a) => (isObject(a) ? text(a.name) : text(a)))
    .filter((n) => n && !/^https?:|^www\./i.test(n));
}

function splitKeywords(raw: string): string[] {
  const parts = /[,;，、]/.test(raw) ? raw.split(/[,;，、]/) : /^[^a-z]*$/i.test(raw) ? raw.split(/\s+/) : [raw];
  return parts.map((k) => k.trim()).filter(Boolean);
}

export function readPageMeta(doc: Document): PageMeta {
  const meta = (key: string): string => {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    return text(el?.getAttribute('content') ?? undefined);
  };
  const metas = (key: string): string[] =>
    Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
      .map((el) => text(el.getAttribute('content') ?? undefined))
      .filter(Boolean);
  const objects = jsonLdObjects(doc);
  const article = objects.find((o) => list(o['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) ?? {};
  const publisher = isObject(article.publisher) ? article.publisher : {};

  const ldKeywords = list(article.keywords).flatMap((k) => splitKeywords(text(k)));
  const keywords = ldKeywords.length ? ldKeywords : splitKeywords(meta('news_keywords') || meta('keywords')).concat(metas('article:tag'));
  const authors = names(article.author);
  return {
    headline: text(article.headline),
    authors: authors.length ? authors : names(meta('author') || meta('byl') || meta('dable:author') || meta('article:author')),
    section: text(list(article.articleSection)[0]) || meta('article:section'),
    keywords,
    description: text(article.description) || meta('description') || meta('og:description'),
    siteName: meta('og:site_name') || text(publisher.name),
    lang: (doc.documentElement.getAttribute('lang') || text(article.inLanguage) || meta('og:locale')).toLowerCase(),
  };
}
