// Steps taken offline, always in view while they wait (the core's outbox, core/newsroom/outbox.ts),
// and once the server is back, which of them went through and why one did not, until dismissed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/contract/apiError';
import type { OutboxState, OutboxStep } from '../../../shared/contract/outbox';
import { onEvent } from '../api';
import { errorText } from '../errorText';
import '../styles/newsroom.css';

const EMPTY: OutboxState = { pending: [], results: [] };

export function OutboxBanner(props: { initial: OutboxState | undefined }) {
  const { t } = useTranslation();
  const [state, setState] = useState<OutboxState>(props.initial ?? EMPTY);
  /** Results sent up to this time have been dismissed. */
  const [dismissedUpTo, setDismissedUpTo] = useState('');
  useEffect(() => onEvent((event) => event.type === 'outbox' && setState(event.outbox)), []);
  const results = state.results.filter((r) => r.sentAt > dismissedUpTo);
  if (state.pending.length === 0 && results.length === 0) return null;
  const step = (s: OutboxStep) => t('outbox.step', { action: t(`workflow.action.${s.action}`), headline: s.headline || t('library.untitled') });
  return (
    <div className="banner banner--warning outbox" role="status" data-testid="outbox">
      {state.pending.length > 0 && (
        <div data-testid="outbox-pending">
          {t('outbox.pending', { count: state.pending.length })}
          <ul>
            {state.pending.map((s) => (
              <li key={s.key} data-testid="outbox-step">{step(s)}</li>
            ))}
          </ul>
        </div>
      )}
      {results.length > 0 && (
        <div data-testid="outbox-results">
          {t('outbox.sent')}
          <ul>
            {results.map((r) => (
              <li key={r.key} data-testid="outbox-result" data-ok={String(r.ok)}>
                {step(r)}: {r.ok ? t('outbox.applied') : t('outbox.refused', { reason: errorText(t, new ApiError(r.error?.code ?? 'internal', '', r.error?.reason ? { reason: r.error.reason } : {})) })}
              </li>
            ))}
          </ul>
          <button type="button" data-testid="outbox-dismiss" onClick={() => setDismissedUpTo(results.at(-1)!.sentAt)}>
            {t('library.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
