// The figures in the editor, with their positions, refreshed off the typing path (at most every
// 300 ms, visiting blocks but not their text), plus what the library knows about their photos.
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { PhotoInfo } from '../../../shared/model/photo';
import type { FigureData } from '../../../shared/photos/figures';
import { call } from '../api';
import { useEditorDerived } from '../editor/useEditorDerived';

const NONE: PlacedFigure[] = [];

export type PlacedFigure = FigureData & { pos: number };

function collect(editor: Editor): PlacedFigure[] {
  const out: PlacedFigure[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) return false; // no figure inside text: skip the words
    if (node.type.name !== 'figure') return true;
    const a = node.attrs as { photoId: string; credit: string; alt: string };
    out.push({ index: out.length, pos, photoId: a.photoId, caption: node.textContent.trim(), credit: a.credit.trim(), alt: a.alt.trim() });
    return false;
  });
  return out;
}

export function useFigures(editor: Editor | null): { figures: PlacedFigure[]; photos: Map<string, PhotoInfo | null> } {
  const figures = useEditorDerived(editor, collect, 300) ?? NONE;
  const [photos, setPhotos] = useState<Map<string, PhotoInfo | null>>(new Map());
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const missing = [...new Set(figures.map((f) => f.photoId))].filter((id) => id && !asked.current.has(id));
    if (missing.length === 0) return;
    missing.forEach((id) => asked.current.add(id));
    call('getPhotos', { ids: missing }).then(
      (found) =>
        setPhotos((prev) => {
          const next = new Map(prev);
          for (const id of missing) next.set(id, found.find((p) => p.id === id) ?? null);
          return next;
        }),
      () => missing.forEach((id) => asked.current.delete(id)), // try again on the next change
    );
  }, [figures]);

  return { figures, photos };
}
