import { describe, it, expect } from 'vitest';
import { sanitizeHtml } from './sanitizeHtml';
import { ApiError } from '../../../shared/contract/errors';

describe('sanitizeHtml (core, over jsdom)', () => {
  it('strips scripts, event handlers, javascript:/data: links, iframes, objects and forms', () => {
    const clean = sanitizeHtml(
      `<p onclick="x()">Hi <a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(2)">js2</a> <a href="data:text/html,<script>alert(3)</script>">data</a> <a href="vbscript:x">vb</a> <a href="mailto:desk@example.com">mail</a></p>` +
        `<img src="x" onerror="alert(4)" width="600"><script>alert(5)</script><iframe src="https://evil.example"></iframe><object data="x.swf"></object><form><input value="secret"></form>` +
        `<svg><script>alert(6)</script></svg><math><mi xlink:href="javascript:alert(7)">m</mi></math><p><img src="javascript:alert(8)"></p>`,
    );
    expect(clean).not.toMatch(/alert|onclick|onerror|javascript|vbscript|data:text|iframe|object|form|input|secret|svg|math/i);
    expect(clean).toContain('<a href="mailto:desk@example.com">mail</a>');
    expect(clean).toContain('Hi js js2 data vb');
  });

  it('defeats mutation-XSS tricks that reparse into live markup', () => {
    const clean = sanitizeHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>ok</p><style><img src=x onerror=alert(2)></style>');
    expect(clean).not.toMatch(/onerror|alert/);
    expect(clean).toContain('<p>ok</p>');
  });

  it('maps h1–h6 to h2, b/i to strong/em and style-only bold/italic to strong/em', () => {
    const clean = sanitizeHtml('<h1>A</h1><h3>B</h3><h6>C</h6><p><b>b</b><i>i</i><span style="font-weight: bold">sb</span><span style="font-weight:600">s6</span><span style="font-weight:400">n</span><span style="FONT-STYLE: italic">si</span><strong style="font-weight:normal">not</strong></p>');
    expect(clean).toBe('<h2>A</h2><h2>B</h2><h2>C</h2><p><strong>b</strong><em>i</em><strong>sb</strong><strong>s6</strong>n<em>si</em>not</p>');
  });

  it('drops 1×1, zero-size, hidden and srcless images but keeps real ones', () => {
    const clean = sanitizeHtml('<p><img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" width="0"><img src="https://t.example/r.gif" style="display:none"><img alt="nosrc"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="https://cdn.example/photo.jpg" width="800" alt="ok"></p>');
    expect(clean).toBe('<p><img src="https://cdn.example/photo.jpg" alt="ok"></p>');
  });

  it('refuses HTML over the limit with reason tooLarge', () => {
    const big = `<p>${'x'.repeat(21 * 1024 * 1024)}</p>`;
    try {
      sanitizeHtml(big, undefined, 'big.html');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).params).toEqual({ reason: 'tooLarge', file: 'big.html' });
    }
  });
});
