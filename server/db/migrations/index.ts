// Every migration, in order. A new one gets the next number and its own file; one that has
// shipped is never edited (servers that applied it would not see the change).
import { sql as initial } from './001_initial';
import { sql as articles } from './002_articles';
import { sql as photoVariants } from './003_photo_variants';
import { sql as search } from './004_search';
import { sql as searchFacets } from './005_search_facets';
import { sql as searchBuckets } from './006_search_buckets';
import { sql as collab } from './007_collab';
import { sql as collabFields } from './008_collab_fields';
import { sql as lateRevisions } from './009_late_revisions';
import { sql as wireDateline } from './010_wire_dateline';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'articles', sql: articles },
  { version: 3, name: 'photo variants', sql: photoVariants },
  { version: 4, name: 'search', sql: search },
  { version: 5, name: 'search facets', sql: searchFacets },
  { version: 6, name: 'search buckets', sql: searchBuckets },
  { version: 7, name: 'live documents', sql: collab },
  { version: 8, name: 'live fields', sql: collabFields },
  { version: 9, name: 'late revisions', sql: lateRevisions },
  { version: 10, name: 'wire dateline', sql: wireDateline },
];
