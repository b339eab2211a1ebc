// The bytes of an append log: an 8-byte header (`CDLOG\n` and a version), then records, each
// framed as [length u32 LE][CRC-32 u32 LE][payload]. The CRC covers the length bytes as well as
// the payload, so a damaged length is caught too, and a zero-filled stretch never reads as a record.
// Reading stops at the first frame that does not check out: what comes before it is kept.
import { crc32 } from 'node:zlib';

export const LOG_HEADER = Buffer.from([0x43, 0x44, 0x4c, 0x4f, 0x47, 0x0a, 0x00, 0x01]); // "CDLOG\n", version 1
const FRAME_HEAD = 8;
/** Larger records are refused on write; on read a larger length is damage, not an allocation. */
export const MAX_RECORD = 256 * 1024 * 1024;

export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.byteLength > MAX_RECORD) throw new RangeError(`log record of ${payload.byteLength} bytes is over the ${MAX_RECORD}-byte limit`);
  const frame = Buffer.allocUnsafe(FRAME_HEAD + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeUInt32LE(crc32(payload, crc32(frame.subarray(0, 4))) >>> 0, 4);
  frame.set(payload, FRAME_HEAD);
  return frame;
}

/**
 * Where reading stopped short of the end of the file. `torn`: the last frame runs past the end
 * (a crash mid-append; nothing acknowledged is lost). `checksum`: a whole frame whose bytes do
 * not match its CRC. `header`: the file does not start as a log does. Either of the last two is
 * damage to report; the bytes from `offset` on are in `dropped`.
 */
export interface LogTail {
  reason: 'torn' | 'checksum' | 'header';
  offset: number;
  dropped: Uint8Array;
}

export interface ParsedLog {
  records: Uint8Array[];
  /** Length of the good part: the header and every whole record before the tail. 0 when there is no good header. */
  validBytes: number;
  tail: LogTail | null;
}

export function parseLog(bytes: Uint8Array): ParsedLog {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) return { records: [], validBytes: 0, tail: null };
  if (buf.length < LOG_HEADER.length || !buf.subarray(0, LOG_HEADER.length).equals(LOG_HEADER)) {
    // A file cut short while its header was being written is a torn new log, not damage.
    const reason = buf.length < LOG_HEADER.length && LOG_HEADER.subarray(0, buf.length).equals(buf) ? 'torn' : 'header';
    return { records: [], validBytes: 0, tail: { reason, offset: 0, dropped: buf } };
  }
  const records: Uint8Array[] = [];
  let at = LOG_HEADER.length;
  while (at < buf.length) {
    const fail = (reason: LogTail['reason']): ParsedLog => ({ records, validBytes: at, tail: { reason, offset: at, dropped: buf.subarray(at) } });
    if (buf.length - at < FRAME_HEAD) return fail('torn');
    const length = buf.readUInt32LE(at);
    const end = at + FRAME_HEAD + length;
    if (length > MAX_RECORD) return fail('checksum');
    if (end > buf.length) return fail('torn');
    const payload = buf.subarray(at + FRAME_HEAD, end);
    if ((crc32(payload, crc32(buf.subarray(at, at + 4))) >>> 0) !== buf.readUInt32LE(at + 4)) return fail('checksum');
    records.push(payload);
    at = end;
  }
  return { records, validBytes: at, tail: null };
}
