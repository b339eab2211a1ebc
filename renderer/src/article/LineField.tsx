// A one-line field beside the body (kicker, dateline): in a live story its own small editor on the
// story's document (`live`, from the screen), otherwise an input the session saves.
import type { ReactNode } from 'react';

export function LineField(props: { className: string; label: string; testId: string; placeholder: string; value: string; onChange(value: string): void; live: ReactNode }) {
  if (props.live) {
    return (
      <div className={`field ${props.className}`}>
        <span aria-hidden="true">{props.label}</span>
        {props.live}
      </div>
    );
  }
  return (
    <label className={`field ${props.className}`}>
      <span>{props.label}</span>
      <input data-testid={props.testId} value={props.value} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}
