// The numbered-migration runner every stored file kind uses: a file names its schema version, and
// each step upgrades one version to the next. Upgrades happen in memory on load; the file on disk
// is only rewritten by the next save, which first keeps the original (see `keepOriginal`).
import { access, mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fsyncDir, keepCopy } from '../atomicWrite';

export interface Migration {
  /** The version this step upgrades from; it produces `from + 1`. */
  from: number;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

/** A file written by a newer Copydesk: never quarantined or overwritten, only refused. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`written by a newer Copydesk (schema version ${version})`);
    this.name = 'NewerVersionError';
  }
}

/** The schema version a parsed file declares (0 when it declares none), or null if it is not an object. */
export function versionOf(raw: unknown, field = 'schemaVersion'): number | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const v = (raw as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : 0;
}

export function runMigrations(raw: unknown, migrations: readonly Migration[], current: number, field = 'schemaVersion'): unknown {
  let version = versionOf(raw, field);
  if (version === null) return raw;
  if (version > current) throw new NewerVersionError(version);
  let doc = raw as Record<string, unknown>;
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return doc; // no path forward: the schema check will reject it as corrupt
    doc = { ...step.up(doc), [field]: version + 1 };
    version++;
  }
  return doc;
}

/**
 * Keeps the bytes of a file from an older schema version as `migrated/<name>.v<version>.json`
 * before its first upgraded save replaces it, so a person can always go back to exactly what the
 * older Copydesk wrote. An existing copy is left alone: it is the oldest original.
 */
export async function keepOriginal(libraryDir: string, file: string, version: number): Promise<string> {
  const dir = join(libraryDir, 'migrated');
  const target = join(dir, `${stemOf(file)}.v${version}.json`);
  await mkdir(dir, { recursive: true });
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (!exists && (await keepCopy(file, target))) await fsyncDir(dir);
  return target;
}

/** Deleting a file for good includes the originals an older Copydesk wrote of it. */
export async function removeOriginals(libraryDir: string, file: string): Promise<void> {
  const dir = join(libraryDir, 'migrated');
  const prefix = `${stemOf(file)}.v`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(prefix)) await unlink(join(dir, name)).catch(() => undefined);
}

/** `migrated/` names a file's originals after its name without `.json`: `<id>.v1.json`, `settings.v1.json`. */
function stemOf(file: string): string {
  return basename(file).replace(/\.json$/, '');
}
