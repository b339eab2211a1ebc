// An editor's note inside the body: text the desk or reporter leaves for each other, shown
// highlighted, counted in the length panel, blocked at approval and stripped from every export
// (shared/workflow/notes.ts). Mod+Alt+N toggles it on the selection.
import { Mark, mergeAttributes } from '@tiptap/core';
import { NOTE_MARK } from '../../../shared/workflow/notes';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    editorNote: { toggleEditorNote: () => ReturnType };
  }
}

export const EditorNote = Mark.create({
  name: NOTE_MARK,
  // Typing at the end of a note continues it; a link or bold inside a note is still a note.
  inclusive: true,
  excludes: '',
  parseHTML: () => [{ tag: 'span[data-editor-note]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { 'data-editor-note': '', class: 'editor-note' }), 0],
  addCommands() {
    return { toggleEditorNote: () => ({ commands }) => commands.toggleMark(this.name) };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Alt-n': () => this.editor.commands.toggleEditorNote() };
  },
});
