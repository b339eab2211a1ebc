// Turns any failure into a translated sentence that says what to do next.
import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/contract/errors';

export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.params.reason === 'hostUnreachable') return t('errors.hostUnreachable');
    return t(`errors.${err.code}`);
  }
  return t('errors.internal');
}
