// A zip file read through a few windows of a few MB, each filled by one read, for yauzl: a backup
// archive's ten thousand small entries (each a local header and its data, listed one by one by the
// central directory) cost a handful of reads instead of two or three each. An entry larger than a
// window is streamed from the file a window's worth at a time.
import { close, fstat, open, read } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

const readAt = promisify(read);
const openFd = promisify(open);
const statFd = promisify(fstat);
const closeFd = promisify(close);
const WINDOW_BYTES = 4 * 1024 * 1024;
/** The central directory and the entries' data are read at two places at once; one spare. */
const WINDOWS = 3;

export class ReadAheadReader extends yauzl.RandomAccessReader {
  /** Newest first; each being read or read, from `start` for `length` bytes (less at the end of the file). */
  private readonly windows: { start: number; length: number; bytes: Promise<Buffer> }[] = [];
  /** Reads made from the file so far. */
  reads = 0;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly windowBytes = WINDOW_BYTES,
  ) {
    super();
  }

  read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    this.range(position, position + length).then(
      (bytes) => callback(null, bytes.copy(buffer, offset)),
      (err: Error) => callback(err),
    );
  }

  _readStreamForRange(start: number, end: number): Readable {
    if (end - start > this.windowBytes) return this.stream(start, end);
    const out = new PassThrough();
    this.range(start, end).then(
      (bytes) => out.end(bytes),
      (err: Error) => out.destroy(err),
    );
    return out;
  }

  /** A range larger than a window, read a window's worth at a time as it is consumed. */
  private stream(start: number, end: number): Readable {
    let position = start;
    const read = (length: number) => {
      this.reads++;
      return readAt(this.fd, Buffer.allocUnsafe(length), 0, length, position).then(({ bytesRead, buffer }) => buffer.subarray(0, bytesRead));
    };
    return new Readable({
      read() {
        if (position >= end) return void this.push(null);
        read(Math.min(end - position, WINDOW_BYTES)).then(
          (bytes) => {
            position += bytes.length;
            this.push(bytes.length > 0 ? bytes : null); // the file ended early: yauzl counts the bytes and fails the entry
          },
          (err: Error) => this.destroy(err),
        );
      },
    });
  }

  close(callback: (err: Error | null) => void): void {
    close(this.fd, callback);
  }

  /** The bytes of [start, end), a copy (the window is dropped soon after); fewer at the end of the file. */
  private async range(start: number, end: number): Promise<Buffer> {
    let w = this.windows.find((x) => x.start <= start && end <= x.start + x.length);
    if (!w) {
      const length = Math.max(end - start, Math.min(this.windowBytes, this.size - start));
      const buffer = Buffer.allocUnsafe(length);
      this.reads++;
      w = { start, length, bytes: readAt(this.fd, buffer, 0, length, start).then(({ bytesRead }) => buffer.subarray(0, bytesRead)) };
      this.windows.unshift(w);
      this.windows.length = Math.min(this.windows.length, WINDOWS);
    }
    const bytes = await w.bytes;
    return Buffer.from(bytes.subarray(start - w.start, Math.min(end - w.start, bytes.length)));
  }
}

/** Opens `path` for a ReadAheadReader; the reader closes it. */
export async function readAheadOpen(path: string, windowBytes = WINDOW_BYTES): Promise<{ reader: ReadAheadReader; size: number }> {
  const fd = await openFd(path, 'r');
  try {
    const { size } = await statFd(fd);
    return { reader: new ReadAheadReader(fd, size, windowBytes), size };
  } catch (err) {
    await closeFd(fd);
    throw err;
  }
}
