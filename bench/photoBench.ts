// Import of a 24-megapixel JPEG (metadata + preview + stored original) through the core's API,
// beside the raw cost of sharp's own decode-and-resize of the same file to the same preview, in
// the same run. The ratio is our overhead: hashing, metadata, checks and four fsync'd writes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openCore } from '../core/createCore';
import { addAdmin } from '../core/testing/people';
import { PREVIEW_SIZE } from '../core/media/preparePhoto';
import { percentile } from './stats';
import { sized, type Bench, type BenchOptions } from './bench';

const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">광화문 광장에서 열린 집회에 시민들이 모여 있다.</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>홍길동</rdf:li></rdf:Seq></dc:creator>
<photoshop:Credit>한빛경제 사진부</photoshop:Credit><photoshop:City>서울</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A camera-sized JPEG: 6000 × 4000 of noisy gradient (noise keeps the file photo-sized), with XMP. */
async function cameraJpeg(): Promise<Buffer> {
  const noise = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } }).raw().toBuffer();
  return sharp(noise, { raw: { width: 6000, height: 4000, channels: 3 } }).jpeg({ quality: 88 }).withXmp(XMP).toBuffer();
}

async function runPhotoBench(opts: BenchOptions): Promise<string[]> {
  const runs = sized(opts, 15, 3);
  const jpeg = await cameraJpeg();
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-photobench-'));
  const core = await openCore({ libraryDir: dir, appInfo });
  const actor = await addAdmin(core);
  const raw: number[] = [];
  const ours: number[] = [];
  try {
    const rawOnce = () => sharp(jpeg).rotate().resize({ width: PREVIEW_SIZE, height: PREVIEW_SIZE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
    await rawOnce(); // warm-up, both sides
    await core.handlers.importPhoto({ actor, name: 'warm.jpg', bytes: jpeg });
    for (let i = 0; i < runs; i++) {
      // Interleaved so drift on a noisy machine hits both sides alike.
      let t0 = performance.now();
      await rawOnce();
      raw.push(performance.now() - t0);
      await rm(join(dir, 'media'), { recursive: true, force: true }); // or the content hash would find it stored
      t0 = performance.now();
      const { existed } = await core.handlers.importPhoto({ actor, name: `IMG_${i}.jpg`, bytes: jpeg });
      ours.push(performance.now() - t0);
      if (existed) throw new Error('bench bug: the photo was already stored');
    }
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
  const f = (n: number) => `${n.toFixed(0)} ms`;
  const [r50, r95, o50, o95] = [percentile(raw, 50), percentile(raw, 95), percentile(ours, 50), percentile(ours, 95)];
  return [
    `24 MP JPEG, ${(jpeg.length / 1048576).toFixed(1)} MB, ${runs} runs each`,
    `sharp decode+resize alone: p50 ${f(r50)}, p95 ${f(r95)}`,
    `Copydesk import (hash, checks, metadata, preview and thumbnail, 4 fsync'd files): p50 ${f(o50)}, p95 ${f(o95)}`,
    `ratio p50 ${(o50 / r50).toFixed(2)}×, p95 ${(o95 / r95).toFixed(2)}× (target ≤ 1.3×, and ≤ 500 ms)`,
  ];
}

export const photoBench: Bench = { name: 'Photo import', run: runPhotoBench };
