// A modal dialog over a dimmed page (export, unsaved edits): the markup and ARIA in one place, the
// Esc / Tab / focus behaviour from useDialog. Render it only while it is open.
import { useRef, type ReactNode } from 'react';
import { useDialog } from './useDialog';

export function ModalDialog(props: {
  /** What Esc does (close, or stay for a question that must be answered with a button). */
  onClose(): void;
  labelledBy: string;
  describedBy?: string;
  /** `alertdialog` for a question about losing work. */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose: props.onClose, modal: true });
  return (
    <div className="dialog-backdrop">
      <div ref={ref} tabIndex={-1} className="dialog" role={props.role ?? 'dialog'} aria-modal="true" aria-labelledby={props.labelledBy} aria-describedby={props.describedBy} data-testid={props.testId}>
        {props.children}
      </div>
    </div>
  );
}
