// Whole-article counts, body apart from captions and byline, as PRODUCT.md asks; editor's notes
// count in none of them (shared/counting/countBody countedText).
import type { ArticleContent } from '../model/article';
import type { Settings } from '../model/settings';
import { pickTemplate, renderByline } from '../byline/renderByline';
import { blockTexts, countBlock, countBlocks, type BlockCounts } from './countBody';

export interface ArticleCounts {
  body: BlockCounts;
  captions: BlockCounts;
  byline: BlockCounts;
  /** Editor's-note text: shown apart, counted in none of the above. */
  notes: BlockCounts;
}

export function countArticle(content: ArticleContent, settings: Settings): ArticleCounts {
  const texts = blockTexts(content.body);
  const byline = renderByline(content.byline, pickTemplate(settings, content.byline, content.language), content.dateline);
  return { body: countBlocks(texts.body), captions: countBlocks(texts.captions), byline: countBlock(byline), notes: countBlocks(texts.notes) };
}
