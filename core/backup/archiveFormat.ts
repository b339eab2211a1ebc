// A backup archive: one zip holding a snapshot whole, to carry a library to another disk or machine.
//   backup.json              this manifest: the snapshot and every photo file with its SHA-256
//   objects/<sha256>.gz      the snapshot's objects as the backup keeps them (each named by the
//                            SHA-256 of its uncompressed bytes: articles, chunks, settings, people)
//   photos/<id>/<file>       each photo's original (its SHA-256 is its id), preview, thumbnail, info
import { z } from 'zod';
import { PhotoIdSchema } from '../../shared/model/photo';
import { Sha256Schema, SnapshotFileSchema } from './format';

export const ARCHIVE_FORMAT = 'copydesk-backup-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_MANIFEST = 'backup.json';

const PhotoFileName = z.string().regex(/^[a-f0-9]{64}(\.[a-z0-9]{2,5}|\.preview\.jpg|\.thumb\.jpg|\.json)$/, 'photo file name');

export const ArchiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  snapshot: SnapshotFileSchema,
  photos: z
    .array(z.object({ id: PhotoIdSchema, files: z.array(z.object({ name: PhotoFileName, sha256: Sha256Schema, bytes: z.number().int().nonnegative() })).min(2).max(4) }))
    .max(1_000_000),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

export const objectEntry = (hash: string) => `objects/${hash}.gz`;
export const photoEntry = (id: string, name: string) => `photos/${id}/${name}`;

/** What an entry name says it holds, or null for a name no archive of ours has. */
export function parseEntryName(name: string): { kind: 'manifest' } | { kind: 'object'; hash: string } | { kind: 'photo'; id: string; name: string } | null {
  if (name === ARCHIVE_MANIFEST) return { kind: 'manifest' };
  let m = /^objects\/([a-f0-9]{64})\.gz$/.exec(name);
  if (m) return { kind: 'object', hash: m[1] };
  m = /^photos\/([a-f0-9]{64})\/([^/]+)$/.exec(name);
  if (m && m[2].startsWith(m[1])) return { kind: 'photo', id: m[1], name: m[2] };
  return null;
}
