// One photo import at a time for the article screen: progress, cancel, and the per-file results
// the user sees afterwards. Successful photos become figures (or replace one) in the editor.
import { useCallback, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { call } from '../api';
import { figureFromPhoto } from './figureFromPhoto';
import { importFiles, isImageFile, type ImportResult } from './importFiles';

export type ImportTarget = { kind: 'insert'; pos?: number } | { kind: 'replace'; pos: number };

export interface ImportJob {
  done: number;
  total: number;
  current: string | null;
  results: ImportResult[] | null;
  skipped: number;
}

export function usePhotoImport(getEditor: () => Editor | null, maxBytes: number) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (all: readonly File[], target: ImportTarget = { kind: 'insert' }, opts: { onlyImages?: boolean } = {}) => {
      if (controller.current) return; // one import at a time
      const files = opts.onlyImages ? all.filter(isImageFile) : [...all];
      const skipped = all.length - files.length;
      if (files.length === 0 && skipped === 0) return;
      const abort = new AbortController();
      controller.current = abort;
      setJob({ done: 0, total: files.length, current: null, results: null, skipped });
      const results = await importFiles(files, {
        importPhoto: (input) => call('importPhoto', input),
        maxBytes,
        signal: abort.signal,
        onProgress: (done, total, current) => setJob((j) => (j ? { ...j, done, total, current } : j)),
      });
      controller.current = null;
      const editor = getEditor();
      const added = results.flatMap((r) => (r.status === 'added' ? [r.photo] : []));
      if (editor && !editor.isDestroyed && added.length > 0) {
        if (target.kind === 'replace') {
          // The command refuses a copy locked meanwhile (the import took time) or a figure gone.
          editor.commands.replaceFigurePhoto(target.pos, figureFromPhoto(added[0]));
        } else {
          const pos = target.pos === undefined ? undefined : Math.min(target.pos, editor.state.doc.content.size);
          editor.chain().focus().insertFigures(added.map(figureFromPhoto), pos).run();
        }
      }
      const clean = results.every((r) => r.status === 'added') && skipped === 0;
      // A clean import needs no report: the figures appearing are the result.
      setJob(clean ? null : { done: files.length, total: files.length, current: null, results, skipped });
    },
    [getEditor, maxBytes],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setJob(null), []);
  return { job, run, cancel, dismiss };
}
