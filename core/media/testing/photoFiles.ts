// Test photos made on the spot: real JPEGs from sharp, with an IIM block written the way old
// agency software writes it (Photoshop APP13, 8BIM 0x0404), so charset and truncation cases can be
// tested without shipping odd files.
import sharp from 'sharp';

export async function plainJpeg(width = 64, height = 48, color = { r: 200, g: 60, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).jpeg({ quality: 80 }).toBuffer();
}

function dataset(record: number, number: number, value: Uint8Array): Buffer {
  const head = Buffer.from([0x1c, record, number, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([head, Buffer.from(value)]);
}

/** A JPEG whose only metadata is IIM with the given record-2 datasets (number → bytes), optionally with the UTF-8 marker. */
export async function jpegWithIim(datasets: [number, Uint8Array][], opts: { utf8Marker?: boolean } = {}): Promise<Buffer> {
  const base = await plainJpeg();
  const iim = Buffer.concat([
    ...(opts.utf8Marker ? [dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))] : []),
    dataset(2, 0, Buffer.from([0, 4])),
    ...datasets.map(([n, v]) => dataset(2, n, v)),
  ]);
  const padded = iim.length % 2 ? Buffer.concat([iim, Buffer.from([0])]) : iim;
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), size, padded]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  // Right after SOI (FF D8).
  return Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xed]), len, payload, base.subarray(2)]);
}

/** A PNG header that claims a huge image (a decompression bomb's first bytes) with one tiny IDAT. */
export async function bombPng(width = 30000, height = 30000): Promise<Buffer> {
  const { deflateSync, crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(width + 1)); // one row of zeros; a real bomb repeats it
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}
