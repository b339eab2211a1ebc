// Draws build/icon.png (512×512), the app icon electron-builder turns into .icns/.ico/AppImage
// icons: a page of copy with a red editor's mark on a navy tile. Run: node --import tsx build/makeIcon.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type RGBA = [number, number, number, number];
const NAVY: RGBA = [24, 39, 66, 255];
const PAPER: RGBA = [246, 243, 235, 255];
const INK: RGBA = [60, 72, 92, 255];
const RED: RGBA = [206, 48, 48, 255];

function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number, r: number): boolean {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= r * r;
}

// Text lines on the page: a headline bar, then body lines of varying length.
const lines: [number, number, number, number][] = [[150, 150, 362, 176], [150, 206, 362, 218]];
for (let i = 0; i < 6; i++) lines.push([150, 240 + i * 26, i === 5 ? 280 : 362, 250 + i * 26]);

function colourAt(x: number, y: number): RGBA {
  if (!inRoundRect(x, y, 16, 16, 496, 496, 96)) return [0, 0, 0, 0];
  // A proofreader's caret stroke in red across the lower right of the page.
  if (nearSegment(x, y, 318, 446, 432, 332, 13)) return RED;
  if (inRoundRect(x, y, 120, 100, 392, 430, 18)) {
    for (const [x0, y0, x1, y1] of lines) if (inRoundRect(x, y, x0, y0, x1, y1, 4)) return y0 === 150 ? NAVY : INK;
    return PAPER;
  }
  return NAVY;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function renderIcon(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  const S = 3; // supersampling per axis, for smooth edges
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const c = colourAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
        for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
        sum[3] += c[3];
      }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      const a = sum[3] / (S * S);
      for (let i = 0; i < 3; i++) raw[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(import.meta.dirname, 'icon.png'), renderIcon());
}
