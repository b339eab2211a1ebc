// The fields beside the body became part of live documents (shared/live/articleFields.ts). An
// epoch records whether the server has written them into it — at its start, or once for an epoch
// begun before — so that decision never rests on what clients may change in the document.
export const sql = `
ALTER TABLE collab_epochs ADD COLUMN fields_seeded boolean NOT NULL DEFAULT false;
`;
