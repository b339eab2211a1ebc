// The article as Copydesk stores and exchanges it. Every file on disk and every IPC payload that
// carries an article is parsed with these schemas, so a field added here is a field checked everywhere.
import { z } from 'zod';
import { bodyShape } from '../body/bodyDepth';
import { ARTICLE_STATUSES, type ArticleStatus } from './articleStatus';
import { KEPT_FINDINGS_LIMIT, KeptFindingSchema } from '../style/keptFindings';

/**
 * 2 added the desk workflow (owner, note to the desk, embargo, corrections, last transition);
 * 3 moved a wire byline's place from its desk to the dateline.
 */
export const ARTICLE_SCHEMA_VERSION = 3;

export const LanguageSchema = z.enum(['ko', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Workflow state (articleStatus.ts). */
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type { ArticleStatus };

export const ReporterSchema = z.object({
  name: z.string().max(200),
  /** Role suffix as printed: 기자, 특파원, 선임기자, 인턴기자, or an English title. */
  role: z.string().max(50),
  email: z.string().max(320),
});
export type Reporter = z.infer<typeof ReporterSchema>;

export const BylineSchema = z.object({
  outlet: z.string().max(200),
  /** Desk (산업부) or city (서울) — whichever the house template prints after the outlet. */
  desk: z.string().max(200),
  /** Which template in settings renders this byline; empty means the default for the language. */
  templateId: z.string().max(100),
  reporters: z.array(ReporterSchema).max(20),
});
export type Byline = z.infer<typeof BylineSchema>;

/** A ProseMirror/TipTap JSON node. Here only its shape is checked; what is valid inside is shared/body/bodySchema.ts. */
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};
export const DocNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeSchema).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
);

/**
 * Deeper than this, or with more nodes, a body is refused before zod recurses into it (which
 * overflows the stack a few hundred levels down). Far beyond what is stored: every write fits the
 * body to shared/body/bodySchema.ts (32 levels, 100,000 nodes) in Library.commit, and importers'
 * bodies between the two limits are flattened there.
 */
export const REFUSED_BODY_DEPTH = 128;
export const REFUSED_BODY_NODES = 200_000;

const BodyShapeSchema = z.object({
  type: z.literal('doc'),
  content: z.array(DocNodeSchema),
});
// A guard typed as the body (so the contract's input types stay), checked without recursion.
const BodyGuard = z.custom<z.input<typeof BodyShapeSchema>>(
  (raw) => {
    const shape = bodyShape(raw, REFUSED_BODY_NODES);
    return shape.depth <= REFUSED_BODY_DEPTH && shape.nodes <= REFUSED_BODY_NODES;
  },
  { message: `body nests deeper than ${REFUSED_BODY_DEPTH} levels or has more than ${REFUSED_BODY_NODES} nodes` },
);
export const BodySchema = BodyGuard.pipe(BodyShapeSchema);
export type Body = z.infer<typeof BodySchema>;

export const LengthTargetSchema = z.object({
  unit: z.enum(['sheets', 'chars', 'words']),
  value: z.number().positive().max(100000),
});
export type LengthTarget = z.infer<typeof LengthTargetSchema>;

/** Fields the reporter edits. Everything else on an article is owned by the library. */
export const ArticleContentSchema = z.object({
  language: LanguageSchema,
  kicker: z.string().max(200),
  headline: z.string().max(1000),
  deck: z.array(z.string().max(1000)).max(4),
  byline: BylineSchema,
  /** Where the story was filed (PORT AVERY), printed before the first paragraph in English house style. Files from before it default to none. */
  dateline: z.string().max(200).default(''),
  tags: z.array(z.string().min(1).max(100)).max(50),
  body: BodySchema,
  lengthTarget: LengthTargetSchema.nullable(),
  /** The reporter's note to the desk: never published, stripped from every export. */
  deskNote: z.string().max(5000),
  /** Release time; before it the article cannot be published or exported for publication without an override. */
  embargo: z.iso.datetime().nullable(),
  /** House-style and spelling findings the writer kept ("keep it here"); files from before it keep none. */
  keptFindings: z.array(KeptFindingSchema).max(KEPT_FINDINGS_LIMIT).default([]),
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

export const CorrectionSchema = z.object({ at: z.iso.datetime(), by: z.string().max(200), note: z.string().min(1).max(5000) });
export type Correction = z.infer<typeof CorrectionSchema>;

export const TransitionNoteSchema = z.object({
  action: z.string().max(40),
  actorId: z.string().max(100),
  actorName: z.string().max(200),
  at: z.iso.datetime(),
  note: z.string().max(5000),
});
export type TransitionNote = z.infer<typeof TransitionNoteSchema>;

export const ArticleIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'article id');
export type ArticleId = z.infer<typeof ArticleIdSchema>;

export const ArticleSchema = ArticleContentSchema.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: ArticleIdSchema,
  /** Increases by one on every save; a save based on an older revision is refused. */
  revision: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  status: ArticleStatusSchema,
  /** Set when moved to the trash; null while the article is in the library. */
  trashedAt: z.iso.datetime().nullable(),
  /** The person who created it (the reporter whose copy it is); null for articles from before people existed. */
  ownerId: z.string().nullable(),
  /** Corrections to published copy, oldest first; they travel with the article into every export. */
  corrections: z.array(CorrectionSchema).max(200),
  /** The latest workflow step, so the reporter sees a return note and the queue who sent what. */
  lastTransition: TransitionNoteSchema.nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/**
 * An article's header: what names, dates and places it without its copy. The library list (its
 * summary), the index and every backup row keep these fields, defined here once. The order is
 * the backup row's (rows are hashed as JSON in chunks, so it must not change).
 */
export const ArticleHeaderSchema = z.object({
  id: ArticleIdSchema,
  revision: z.number().int().nonnegative(),
  headline: z.string(),
  kicker: z.string(),
  language: LanguageSchema,
  status: ArticleStatusSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  trashedAt: z.iso.datetime().nullable(),
});
export type ArticleHeader = z.infer<typeof ArticleHeaderSchema>;

const HEADER_KEYS = Object.keys(ArticleHeaderSchema.shape) as (keyof ArticleHeader)[];

/** The header fields of an article (or of anything that has them), in the header's order, and nothing else. */
export function headerOf(a: ArticleHeader): ArticleHeader {
  const out: Record<string, unknown> = {};
  for (const key of HEADER_KEYS) out[key] = a[key];
  return out as ArticleHeader;
}

/** What the library list shows and what the index stores per article: small, and rebuildable from the file. */
export const ArticleSummarySchema = z.object({
  ...ArticleHeaderSchema.shape,
  // The byline as data, not text: the list renders it with the templates in force now.
  byline: BylineSchema,
  // Defaults let an index snapshot written before the workflow load without a rebuild.
  ownerId: z.string().nullable().default(null),
  embargo: z.iso.datetime().nullable().default(null),
  lastTransition: TransitionNoteSchema.nullable().default(null),
  /** 원고지 매수 of the body (the grid count a length target uses); null until an older index entry is re-read. */
  sheets: z.number().nonnegative().nullable().default(null),
  /** Photos the body shows. */
  photoCount: z.number().int().nonnegative().default(0),
  /** Figures still waiting for their photo (web-copy imports make them): the list shows "1/2". */
  waitingPhotos: z.number().int().nonnegative().default(0),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export function emptyBody(): Body {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export function emptyContent(language: Language): ArticleContent {
  return {
    language,
    kicker: '',
    headline: '',
    deck: [],
    byline: { outlet: '', desk: '', templateId: '', reporters: [] },
    dateline: '',
    tags: [],
    body: emptyBody(),
    lengthTarget: null,
    deskNote: '',
    embargo: null,
    keptFindings: [],
  };
}

/** The fields a reporter edits, taken from a stored article. */
export function contentOf(a: Article): ArticleContent {
  const { language, kicker, headline, deck, byline, dateline, tags, body, lengthTarget, deskNote, embargo, keptFindings } = a;
  return { language, kicker, headline, deck, byline, dateline, tags, body, lengthTarget, deskNote, embargo, keptFindings };
}
