// Opens an article package (buildPackage's zip) for import: the zip is read with every limit in
// readZip, the manifest must be ours and every checksum must match, article.json must be a valid
// Article, and photos come from photos/original/ so their ids — and the figures using them — stay.
import { ApiError, type ImportReason } from '../../../shared/contract/errors';
import { ArticleSchema, contentOf, type Article } from '../../../shared/model/article';
import type { ImportedArticle, ImportedPhoto } from '../../../shared/exchange/types';
import { figuresIn } from '../../../shared/photos/figures';
import { ARTICLE_PATH, MANIFEST_PATH, ManifestSchema, type Manifest } from './manifest';
import { sha256Hex } from '../../media/sha256Hex';
import { ZIP_LIMITS, readZip } from './readZip';
import { checkJsonDepth } from '../../../shared/exchange/limits/checkInput';
import { looksLikeBody, normaliseBody } from '../../../shared/body/normaliseBody';
import { migrateArticle } from '../../migrations/migrateArticle';

function withFittedBody(json: unknown): unknown {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('body' in json) || !looksLikeBody(json.body)) return json;
  return { ...json, body: normaliseBody(json.body).body };
}

/** The JSON in `bytes`, undefined if it is not JSON; throws `tooDeep` for JSON nested past the limit. */
function parseJson(bytes: Uint8Array | undefined, file: string): unknown {
  if (!bytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  checkJsonDepth(text, file);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function readPackage(bytes: Uint8Array, name: string): Promise<ImportedArticle & { article: Article }> {
  const fail = (reason: ImportReason, message: string) => new ApiError('importFailed', message, { reason, file: name });
  if (bytes.byteLength > ZIP_LIMITS.maxTotalBytes) throw fail('tooLarge', `${bytes.byteLength} bytes`);
  const files = await readZip(bytes, name);

  const parsed = ManifestSchema.safeParse(parseJson(files.get(MANIFEST_PATH), name));
  if (!parsed.success) throw fail('badPackage', files.has(MANIFEST_PATH) ? `invalid manifest: ${parsed.error.message}` : 'no manifest.json: not a Copydesk package');
  const manifest: Manifest = parsed.data;

  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of files.keys()) if (path !== MANIFEST_PATH && !listed.has(path)) throw fail('badPackage', `${path} is not in the manifest`);
  for (const f of manifest.files) {
    const got = files.get(f.path);
    if (!got) throw fail('badPackage', `${f.path} is missing`);
    if (got.length !== f.bytes || sha256Hex(got) !== f.sha256) throw fail('badPackage', `${f.path} does not match its checksum`);
  }

  const json = parseJson(files.get(ARTICLE_PATH), name);
  if (json === undefined) throw fail(files.has(ARTICLE_PATH) ? 'malformed' : 'badPackage', 'article.json is missing or not JSON');
  // The body is fitted to the body schema before the check, so a crafted package's script nodes,
  // javascript: links and over-deep quotes go and the story comes in (Library.commit fits it again).
  // A package from an older Copydesk is upgraded like an article file; a newer one's is refused.
  let current: unknown;
  try {
    current = migrateArticle(json);
  } catch (e) {
    throw fail('schema', `article.json: ${e instanceof Error ? e.message : String(e)}`);
  }
  const checked = ArticleSchema.safeParse(withFittedBody(current));
  if (!checked.success) throw fail('schema', `article.json: ${checked.error.message}`);
  const article = checked.data;
  if (article.id !== manifest.article.id) throw fail('badPackage', 'manifest names another article');

  const photos: ImportedPhoto[] = [];
  for (const p of manifest.photos) {
    const original = files.get(p.original);
    if (!original || !listed.has(p.original) || sha256Hex(original) !== p.id) throw fail('badPackage', `photo ${p.id} has no matching original`);
    photos.push({ name: p.original.split('/').pop() ?? p.original, bytes: original });
  }

  const have = new Set(manifest.photos.map((p) => p.id));
  const missing = new Set(figuresIn(article.body).map((f) => f.photoId).filter((id) => id && !have.has(id)));
  const warnings = missing.size ? [{ key: 'photosMissing', values: { count: String(missing.size) } }] : [];

  return {
    content: contentOf(article),
    photos,
    format: 'package',
    warnings,
    original: { status: article.status, createdAt: article.createdAt, corrections: article.corrections },
    article,
  };
}
