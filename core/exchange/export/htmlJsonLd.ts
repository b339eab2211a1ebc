// schema.org NewsArticle for the article page, so search engines and aggregators read headline,
// authors, dates, images and section without scraping. Empty fields are left out, not sent blank.
import type { ExportArticle, ExportPhoto } from '../../../shared/exchange/types';
import { htmlSafeText } from '../../../shared/exchange/export/htmlText';

export interface PageDates {
  published: string;
  modified: string;
}

type Json = Record<string, unknown>;

const clean = (text: string) => htmlSafeText(text).trim();

export function newsArticleJsonLd(a: ExportArticle, photoSrc: (photo: ExportPhoto) => string, dates: PageDates): Json {
  const ld: Json = { '@context': 'https://schema.org', '@type': 'NewsArticle', identifier: a.id };
  const set = (key: string, value: unknown) => {
    if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) return;
    ld[key] = value;
  };
  set('headline', clean(a.headline));
  set('alternativeHeadline', a.deck.map(clean).filter(Boolean).join(' · '));
  set('description', a.deck.map(clean).filter(Boolean).join(' '));
  set(
    'author',
    a.byline.reporters
      .filter((r) => r.name.trim())
      .map((r) => {
        const person: Json = { '@type': 'Person', name: clean(r.name) };
        if (r.role.trim()) person.jobTitle = clean(r.role);
        if (r.email.trim()) person.email = clean(r.email);
        return person;
      }),
  );
  set('datePublished', dates.published);
  set('dateModified', dates.modified);
  set(
    'image',
    a.photos.map((photo) => {
      const figure = a.figures.find((f) => f.photo?.id === photo.id);
      const image: Json = { '@type': 'ImageObject', url: photoSrc(photo), width: photo.width, height: photo.height };
      if (figure?.caption.trim()) image.caption = clean(figure.caption);
      if (figure?.credit.trim()) image.creditText = clean(figure.credit);
      return image;
    }),
  );
  set('keywords', a.tags.map(clean).filter(Boolean));
  set('inLanguage', a.language);
  set('articleSection', clean(a.kicker));
  if (a.byline.outlet.trim()) ld.publisher = { '@type': 'Organization', name: clean(a.byline.outlet) };
  set(
    'correction',
    a.corrections.map((c) => ({ '@type': 'CorrectionComment', text: clean(c.note), datePublished: c.at })),
  );
  return ld;
}
