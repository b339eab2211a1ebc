// Photos on the newsroom server, named by SHA-256 as in the desktop library: a client uploads the
// bytes under the hash it computed, the server hashes them again as they arrive (another hash is
// refused: nothing is stored), checks them with the core's own photo rules (preparePhoto: format,
// size, pixels, a full decode), and stores them once. Uploading a photo the server has is a
// no-op that answers what it has.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../shared/contract/errors';
import { MAX_PHOTO_BYTES } from '../../shared/contract/api';
import type { PhotoInfo } from '../../shared/model/photo';
import { DEFAULT_MAX_PIXELS, preparePhoto, type PhotoLimits } from '../../core/media/preparePhoto';
import type { Database } from '../db/Database';
import { readRaw } from '../http/readJsonBody';
import { insertPhoto, missingPhotos, photoBytes, photoInfo, photoVariant, type StoredVariant } from './photoTables';

export interface Uploaded {
  photo: PhotoInfo;
  /** The server had it already: nothing was written. */
  existed: boolean;
}

export class PhotoService {
  private readonly limits: PhotoLimits;

  constructor(
    private readonly db: Database,
    limits: Partial<PhotoLimits> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.limits = { maxBytes: limits.maxBytes ?? MAX_PHOTO_BYTES, maxPixels: limits.maxPixels ?? DEFAULT_MAX_PIXELS };
  }

  /** Reads the upload's body (refused past the size limit, declared or counted), hashing it as it comes. */
  async receive(req: IncomingMessage, claimed: string, name: string, personId: string): Promise<Uploaded> {
    const hash = createHash('sha256');
    const bytes = await readRaw(req, this.limits.maxBytes, (chunk) => hash.update(chunk));
    const actual = hash.digest('hex');
    if (actual !== claimed) throw new ApiError('hashMismatch', `the upload named ${claimed} but its bytes hash to ${actual}`, { expected: claimed, actual });
    return this.store(bytes, actual, name, personId);
  }

  /** Stores checked bytes whose hash is known to be right. */
  private async store(bytes: Buffer, sha256: string, name: string, personId: string): Promise<Uploaded> {
    // The same bytes again: they passed these checks when first stored, so nothing to decode.
    const had = await photoInfo(this.db, sha256);
    if (had) return { photo: had, existed: true };
    const prepared = await preparePhoto(name || 'photo', bytes, this.limits);
    const { preview, thumb, metadata } = await prepared.decoded;
    const info: PhotoInfo = {
      id: prepared.id,
      originalName: name.slice(0, 255),
      format: prepared.format,
      width: prepared.width,
      height: prepared.height,
      bytes: bytes.byteLength,
      importedAt: this.now().toISOString(),
      metadata,
    };
    const stored = await this.db.transaction((tx) => insertPhoto(tx, { info, bytes, preview, thumb, createdBy: personId }));
    // Lost a race with an upload of the same photo: what the other one stored is the answer.
    if (!stored) return { photo: (await photoInfo(this.db, prepared.id))!, existed: true };
    return { photo: info, existed: false };
  }

  async info(sha256: string): Promise<PhotoInfo> {
    const info = await photoInfo(this.db, sha256);
    if (!info) throw new ApiError('notFound', `no photo ${sha256}`);
    return info;
  }

  missing(ids: readonly string[]): Promise<string[]> {
    return missingPhotos(this.db, ids);
  }

  async original(sha256: string): Promise<Buffer> {
    const bytes = await photoBytes(this.db, sha256);
    if (!bytes) throw new ApiError('notFound', `no photo ${sha256}`);
    return bytes;
  }

  async variant(sha256: string, variant: StoredVariant): Promise<Buffer> {
    const bytes = await photoVariant(this.db, sha256, variant);
    if (!bytes) throw new ApiError('notFound', `no photo ${sha256}`);
    return bytes;
  }
}
