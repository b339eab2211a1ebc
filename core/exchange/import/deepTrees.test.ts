// The core's converters on trees deeper than any scanner lets through: they stay within the stack
// (depth-bounded, or iterative) and keep the text, so a case a scanner misses cannot crash an import.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';
import { refusalReason } from '../../../shared/exchange/testing/refusal';
import { deepHtml } from '../../../shared/exchange/testing/hostileFiles';
import { nitfToBody } from './nitfToBody';
import { descendants, textOf } from '../xml/xmlDom';
import { htmlToBody } from './htmlToBody';
import { bodyDepth } from '../../../shared/body/bodyDepth';

describe('deep trees past the scanners', () => {
  it('nitfToBody, textOf and descendants read 10,000 nested elements without recursing into them', () => {
    const xml = `<body.content>${deepHtml(10_000, 'bq').replace('A sentence', '<p>A sentence').replace('inside.', 'inside.</p>')}</body.content>`;
    const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    const root = doc.documentElement;
    expect(textOf(root)).toBe('A sentence deep inside.');
    expect(descendants(root, 'p')).toHaveLength(1);
    const body = nitfToBody([root]);
    expect(bodyDepth({ type: 'doc', content: body.content })).toBeLessThanOrEqual(INPUT_LIMITS.maxConvertDepth + 3);
    expect(JSON.stringify(body.content)).toContain('A sentence deep inside.');
  });

  it('htmlToBody refuses HTML deeper than the markup limit before DOMPurify walks it', async () => {
    expect(await refusalReason(() => htmlToBody(deepHtml(10_000, 'blockquote'), { file: 'deep.html' }))).toBe('tooDeep');
    expect(JSON.stringify(htmlToBody(deepHtml(40, 'blockquote')).body)).toContain('A sentence deep inside.');
  });
});
