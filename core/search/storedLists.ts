// Posting lists left where they lie in the saved index file (search.bin) and read when a query
// needs them: the file's ~90 MB at 100,000 articles stay in the OS's file cache, not in the
// process's memory. Reads are synchronous and short (one list each), done in the search worker.
import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export class StoredLists {
  private buf = new Uint8Array(64 * 1024);
  private closed = false;

  constructor(private readonly file: FileHandle) {}

  /** `len` bytes at `pos`, in a buffer that is only valid until the next read. */
  read(pos: number, len: number): Uint8Array {
    if (this.closed) throw new Error('search index file closed');
    if (this.buf.length < len) this.buf = new Uint8Array(Math.max(len, this.buf.length * 2));
    for (let got = 0; got < len; ) {
      const n = readSync(this.file.fd, this.buf, got, len - got, pos + got);
      if (n === 0) throw new Error('search index file cut short');
      got += n;
    }
    return this.buf.subarray(0, len);
  }

  /** Closes the file (resolves once it is closed: on Windows a file still open may not be replaced). */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.file.close().catch(() => undefined);
  }
}
