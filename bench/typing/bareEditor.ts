// The baseline for the typing benchmark: TipTap with StarterKit and nothing else, on the same
// document our editor gets.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const doc = await (await fetch('./doc.json')).json();
new Editor({ element: document.querySelector('#editor') as HTMLElement, extensions: [StarterKit], content: doc });
