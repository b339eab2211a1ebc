// Which of our two languages an imported story is in: the declared language when it is ko or en,
// else the share of Hangul among its letters. A page in another language is read as 'en' and the
// importer warns, since an article can only be ko or en.
import type { Language } from '../../../shared/model/article';
import { languageFromText } from '../../../shared/exchange/textLanguage';

/** ko or en, plus the declared language code when it is neither (for the caller's warning). */
export function detectLanguage(declared: string, text: string): { language: Language; other: string } {
  const code = declared.toLowerCase().split(/[-_]/)[0] || scriptLanguage(text);
  if (code === 'ko' || languageFromText(text) === 'ko') return { language: 'ko', other: '' };
  return { language: 'en', other: code && code !== 'en' ? code : '' };
}

/** An undeclared page's language from its script, only to name it in the warning: kana → ja, Han → zh. */
function scriptLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return '';
  if ((text.match(/[\u3040-\u30ff]/g)?.length ?? 0) / letters > 0.1) return 'ja';
  if ((text.match(/\p{Script=Han}/gu)?.length ?? 0) / letters > 0.3) return 'zh';
  return '';
}
