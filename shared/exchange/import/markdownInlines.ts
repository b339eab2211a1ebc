// marked's inline tokens as styled text runs. Shared by the Markdown reader and by the Markdown
// writer, which lexes what it wrote to check that bold and italic came back as meant (CommonMark's
// emphasis rules fail next to Hangul and punctuation, and the writer then switches to <em>/<strong>).
// Raw HTML is never passed on: only <b>/<strong>/<i>/<em>/<br> are understood, script/style text is
// dropped, every other tag vanishes; links keep what the link rule (shared/body/linkSafety.ts) keeps.
import { decodeHTMLStrict } from 'entities';
import type { Token } from 'marked';
import type { Inline } from '../blocks';
import { keptLink } from '../../body/linkSafety';
import { INPUT_LIMITS } from '../limits/inputLimits';

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/;

interface State {
  bold: number;
  italic: number;
  href?: string;
  /** Inside inline <script>/<style>: their text is not article text. */
  skip: string | null;
}

/** `depth` counts nested runs (bold in a link in italic…); past the converter's depth a token is read as its text. */
function walk(tokens: readonly Token[], state: State, out: Inline[], depth = 0): void {
  const push = (text: string) => {
    if (!text || state.skip) return;
    const run: Inline = { text };
    if (state.bold > 0) run.bold = true;
    if (state.italic > 0) run.italic = true;
    if (state.href) run.href = state.href;
    out.push(run);
  };
  for (const token of tokens) {
    if (depth >= INPUT_LIMITS.maxConvertDepth && 'tokens' in token && token.tokens?.length) {
      push(decodeHTMLStrict(token.raw));
      continue;
    }
    switch (token.type) {
      case 'escape':
        push(token.text);
        break;
      case 'text':
        if ('tokens' in token && token.tokens?.length) walk(token.tokens, state, out, depth + 1);
        else push(decodeHTMLStrict(token.text).replace(/\s*\n\s*/g, ' '));
        break;
      case 'codespan':
        push(decodeHTMLStrict(token.text));
        break;
      case 'br':
        if (!state.skip) out.push({ text: '\n', br: true });
        break;
      case 'strong':
      case 'em': {
        const key = token.type === 'strong' ? 'bold' : 'italic';
        state[key]++;
        walk(token.tokens ?? [], state, out, depth + 1);
        state[key]--;
        break;
      }
      case 'link': {
        const outer = state.href;
        state.href = keptLink(decodeHTMLStrict(token.href ?? ''));
        walk(token.tokens ?? [], state, out, depth + 1);
        state.href = outer;
        break;
      }
      case 'image':
        // An image inside a sentence or a link: keep its description as text.
        push(decodeHTMLStrict(token.text));
        break;
      case 'html': {
        const m = TAG.exec(token.text.trim());
        if (!m) break;
        const [, closing, rawName] = m;
        const name = rawName.toLowerCase();
        if (name === 'script' || name === 'style') state.skip = closing ? null : name;
        else if (state.skip) break;
        else if (name === 'br') out.push({ text: '\n', br: true });
        else if (name === 'b' || name === 'strong') state.bold = Math.max(0, state.bold + (closing ? -1 : 1));
        else if (name === 'i' || name === 'em') state.italic = Math.max(0, state.italic + (closing ? -1 : 1));
        break;
      }
      default:
        // del, and anything an extension adds: keep the text, drop the styling.
        if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens, state, out, depth + 1);
        else if ('text' in token && typeof token.text === 'string') push(decodeHTMLStrict(token.text));
    }
  }
}

/** Runs of a paragraph's (or heading's) inline tokens; adjacent runs with the same style are merged. */
export function inlinesFromTokens(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  walk(tokens, { bold: 0, italic: 0, skip: null }, out);
  return mergeRuns(out);
}

export function mergeRuns(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && !prev.br && !run.br && !!prev.bold === !!run.bold && !!prev.italic === !!run.italic && prev.href === run.href) prev.text += run.text;
    else out.push({ ...run });
  }
  return out;
}
