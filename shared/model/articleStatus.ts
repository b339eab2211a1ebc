// Workflow states (PRODUCT.md "Workflow words"), free of zod so the library's first load can list
// them; ArticleStatusSchema (article.ts) checks them. Which action leads where is `shared/workflow/transitions.ts`.
export const ARTICLE_STATUSES = ['draft', 'sent', 'review', 'approved', 'returned', 'published', 'spiked'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
