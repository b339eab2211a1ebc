// Which formats the export dialog offers, in the order a desk thinks of them, and which were
// picked last time (remembered per machine).
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/exchange/exportFormats';

const KEY = 'copydesk:exportFormats';
export const DEFAULT_FORMATS: ExportFormat[] = ['html', 'text', 'pdf'];

export function rememberedFormats(storage: Pick<Storage, 'getItem'>): ExportFormat[] {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const valid = saved.filter((f): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f as string));
      if (valid.length > 0) return valid;
    }
  } catch {
    // A damaged entry just means the defaults.
  }
  return DEFAULT_FORMATS;
}

export function rememberFormats(storage: Pick<Storage, 'setItem'>, formats: readonly ExportFormat[]): void {
  storage.setItem(KEY, JSON.stringify(formats));
}
