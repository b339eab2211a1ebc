import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cutUtf8, iimBlock, irbWithIim, parseIim, parseIrb, IRB_IIM, IRB_IIM_DIGEST } from './writeIim';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const find = (block: Uint8Array, record: number, number: number) => parseIim(block).filter((d) => d.record === record && d.number === number).map((d) => d.value);

describe('cutUtf8', () => {
  it('cuts at a character boundary, never inside a Hangul syllable or a 4-byte character', () => {
    expect(text(cutUtf8('한빛경제신문사진부데스크팀', 32))).toBe('한빛경제신문사진부데');
    expect(cutUtf8('가나', 5)).toHaveLength(3);
    expect(text(cutUtf8('ab😀', 5))).toBe('ab');
    expect(text(cutUtf8('short', 32))).toBe('short');
  });
});

describe('iimBlock', () => {
  const meta = { caption: '캡션', creator: ['김하늘', '박도윤'], credit: '한빛경제신문사진부데스크팀', copyright: '© 한빛', headline: '제목' };

  it('writes the UTF-8 marker first, then record 2 in dataset order, with a warning per cut value', () => {
    const { bytes, warnings } = iimBlock(meta);
    const sets = parseIim(bytes);
    expect(sets[0]).toEqual({ record: 1, number: 90, value: Uint8Array.from([0x1b, 0x25, 0x47]) });
    expect(sets.slice(1).map((d) => `${d.record}:${d.number}`)).toEqual(['2:0', '2:80', '2:80', '2:105', '2:110', '2:116', '2:120']);
    expect(find(bytes, 2, 80).map(text)).toEqual(['김하늘', '박도윤']);
    expect(text(find(bytes, 2, 110)[0])).toBe('한빛경제신문사진부데');
    expect(warnings).toEqual([{ field: 'credit', reason: 'iimTruncated', bytes: 39, limit: 32 }]);
  });

  it('replaces our datasets in an existing block and keeps the others, converting Latin-1 to UTF-8', () => {
    const old = iimBlock({ caption: 'old', creator: ['old'], credit: 'old', copyright: 'old', headline: 'old head' }).bytes;
    const city = Buffer.concat([Buffer.from([0x1c, 2, 90, 0, 6]), Buffer.from('Zürich', 'latin1')]);
    const existing = new Uint8Array(Buffer.concat([old, city]));
    const { bytes } = iimBlock({ caption: 'new', creator: [], credit: '', copyright: 'c' }, existing);
    expect(find(bytes, 2, 120).map(text)).toEqual(['new']);
    expect(find(bytes, 2, 80)).toEqual([]);
    expect(find(bytes, 2, 105).map(text)).toEqual(['old head']); // headline not given: kept
    expect(find(bytes, 2, 90).map(text)).toEqual(['Zürich']);
    expect(find(bytes, 1, 90)).toHaveLength(1);
    expect(find(bytes, 2, 0)).toHaveLength(1);
  });
});

describe('irbWithIim', () => {
  const resource = (id: number, data: number[]) => {
    const head = Buffer.alloc(12);
    head.write('8BIM', 0, 'latin1');
    head.writeUInt16BE(id, 4);
    head.writeUInt32BE(data.length, 8);
    return Buffer.concat([head, Buffer.from(data), Buffer.alloc(data.length % 2)]);
  };

  it('replaces the IIM resource and its digest, keeping other resources in order', () => {
    const existing = new Uint8Array(Buffer.concat([resource(0x03ed, [1, 2, 3]), resource(IRB_IIM, [9, 9]), resource(0x040c, [4, 5]), resource(IRB_IIM, [8])]));
    const iim = iimBlock({ caption: 'x', creator: [], credit: '', copyright: '' }).bytes;
    const out = parseIrb(irbWithIim(existing, iim));
    expect(out.map((r) => r.id)).toEqual([0x03ed, IRB_IIM, 0x040c, IRB_IIM_DIGEST]);
    expect(out[0].data).toEqual(Uint8Array.from([1, 2, 3]));
    expect(out[1].data).toEqual(iim);
    expect(Buffer.from(out[3].data).toString('hex')).toBe(createHash('md5').update(iim).digest('hex'));
  });
});
