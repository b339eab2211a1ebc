// For the desk only: the reporter's note to the desk and the embargo time. Neither is published;
// the note is stripped from exports and the embargo holds publication back.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** ISO time ↔ the value of a `datetime-local` input (local time, minutes). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** `liveNote`: a live story's note, its own editor on the story's document, in place of the text box. */
export function DeskPanel(props: { deskNote: string; embargo: string | null; readOnly: boolean; onChange(patch: { deskNote?: string; embargo?: string | null }): void; liveNote?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="desk-panel" aria-label={t('desk.title')}>
      <h2>{t('desk.title')}</h2>
      <fieldset className="plain-fieldset" disabled={props.readOnly}>
        {props.liveNote ? (
          <div className="field">
            <span aria-hidden="true">{t('desk.note')}</span>
            {props.liveNote}
          </div>
        ) : (
          <label className="field">
            <span>{t('desk.note')}</span>
            <textarea data-testid="field-desk-note" rows={3} value={props.deskNote} placeholder={t('desk.notePlaceholder')} onChange={(e) => props.onChange({ deskNote: e.target.value })} />
          </label>
        )}
        <label className="field">
          <span>{t('desk.embargo')}</span>
          <input type="datetime-local" data-testid="field-embargo" className={props.embargo ? undefined : 'is-empty'} value={toLocalInput(props.embargo)} onChange={(e) => props.onChange({ embargo: fromLocalInput(e.target.value) })} />
        </label>
        {props.embargo && (
          <button type="button" className="small" data-testid="clear-embargo" onClick={() => props.onChange({ embargo: null })}>{t('desk.clearEmbargo')}</button>
        )}
      </fieldset>
    </aside>
  );
}
