// A question asked in a banner before something that cannot be undone alone (empty the trash,
// restore a backup): the focus starts on its Cancel (autoFocus there), Esc cancels (useDialog).
// Render it only while it asks.
import { useRef, type ReactNode } from 'react';
import { useDialog } from './useDialog';

export function ConfirmBanner(props: { label: string; onCancel(): void; testId?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose: props.onCancel });
  return (
    <div ref={ref} tabIndex={-1} className={`banner banner--warning${props.className ? ` ${props.className}` : ''}`} role="alertdialog" aria-label={props.label} data-testid={props.testId}>
      {props.children}
    </div>
  );
}
