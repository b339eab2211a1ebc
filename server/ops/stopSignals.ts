// SIGINT and SIGTERM for a command that stops gracefully (`copydesk server` stores every live
// story first): the first of either asks it to stop; a second, of either kind, exits at once
// (128 + the signal's number, as a shell reports a process killed by it).
export type StopSignal = 'SIGINT' | 'SIGTERM';

const NUMBER: Record<StopSignal, number> = { SIGINT: 2, SIGTERM: 15 };

export function handleStopSignals(target: { on(signal: StopSignal, listener: () => void): unknown }, stop: () => void, exitNow: (code: number, signal: StopSignal) => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    target.on(signal, () => {
      if (stopping) return exitNow(128 + NUMBER[signal], signal);
      stopping = true;
      stop();
    });
}
