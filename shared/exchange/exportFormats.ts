// The formats Copydesk exports, free of zod so the library's export dialog can offer them in the
// first load; ExportFormatSchema (types.ts) checks them.
export const EXPORT_FORMATS = ['html', 'text', 'md', 'nitf', 'ninjs', 'newsml', 'docx', 'pdf', 'package'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
