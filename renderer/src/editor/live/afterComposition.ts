// Waiting for ProseMirror to finish with an IME composition: it ends its own after the
// compositionend event, and a new composition may already have begun by then, so this looks again
// every RECHECK_MS until it has and then runs `done`. Shared by the live plugins that hold
// something back while a syllable is composed (HoldWhileComposing, LiveCarets).
import type { EditorView } from '@tiptap/pm/view';

/** How often to look again whether ProseMirror has finished with the composition. */
const RECHECK_MS = 20;

export function afterComposition(): { schedule(view: EditorView, done: () => void): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const schedule = (view: EditorView, done: () => void) => {
    cancel();
    timer = setTimeout(() => {
      timer = null;
      if (view.composing) return schedule(view, done);
      done();
    }, RECHECK_MS);
  };
  return { schedule, cancel };
}
