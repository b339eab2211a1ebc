// A File-menu or shortcut request for import or export, handed to whichever screen is showing;
// `n` makes a repeated request a new value, so the same command twice opens twice.
export interface ExchangeRequest {
  kind: 'import' | 'export';
  n: number;
}
