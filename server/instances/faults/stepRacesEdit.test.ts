// A workflow step racing an edit on another instance: the editor types on instance B while the
// desk approves the story on instance A. The step wins: every edit acknowledged before it is in
// the approved copy; an edit arriving after it is never acknowledged and never in the approved
// epoch (its append is refused: the epoch is closed), so the client's replica, refused as one of
// the ended epoch, hands what it holds beyond the approved copy in as a late revision, kept beside
// the story and not merged. Fresh clients on both instances then all hold the approved copy,
// equal to what PostgreSQL holds for the new epoch. Run a few rounds, the step at a different
// moment of the typing each time.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LateRevision } from '../../../shared/contract/lateRevision';
import type { Article } from '../../../shared/model/article';
import { openCollab, type CollabClient } from '../../testing/collabClient';
import { bodyText, startTypists, storedText, waitFor } from '../../testing/faultChecks';
import { startTwoInstances, type TwoInstances } from '../../testing/twoInstances';
import { FAULTS_LONG, FAULTS_TEST_MS } from '../../testing/faultCluster';
import type { TestServer } from '../../testing/testServer';

const started = await startTwoInstances({ collab: { debounceMs: 200, maxDebounceMs: 1000 } });
/** COPYDESK_FAULTS_LONG=1 (the bench's long form): more rounds, so more races land inside the window. */
const ROUNDS = FAULTS_LONG ? 12 : 3;
const TEST_MS = FAULTS_LONG ? FAULTS_TEST_MS : 90_000;

describe.skipIf('skip' in started)('a workflow step on one instance racing an edit on the other', () => {
  const { a, b, tokens, databaseUrl } = started as TwoInstances;
  const clients: CollabClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await (started as TwoInstances).close();
  }, 60_000);
  const call = async <T>(server: TestServer, who: string, method: string, input: Record<string, unknown> = {}): Promise<T> => {
    const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
    if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
    return answer.body.value as T;
  };
  const open = (server: TestServer, who: string, id: string) => {
    const c = openCollab(server.url, id, tokens[who]);
    clients.push(c);
    return c;
  };

  it(`approval on A wins over typing on B, in ${ROUNDS} rounds; later edits become a late revision, never part of the approved copy`, async () => {
    let lateEdits = 0;
    let ackedEdits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const story = await call<Article>(a, 'kim', 'createArticle');
      await call(a, 'kim', 'transitionArticle', { id: story.id, action: 'send' });
      await call(a, 'park', 'transitionArticle', { id: story.id, action: 'review' });
      // The editor (park) types on B, each edit waiting for its acknowledgement.
      const park = open(b, 'park', story.id);
      await waitFor('the editor synced and allowed to type', () => park.provider.isSynced && park.readOnly() === false, 15_000);
      const typists = startTypists([park], [`r${round}e`], { pauseMs: 5, ackWaitMs: 1500 });
      let approved: Article;
      try {
        // The step at a different point of the typing each round.
        await waitFor('edits acknowledged before the step', () => typists.acked.length >= 3 + round * 4, 20_000);
        approved = await call<Article>(a, 'admin', 'transitionArticle', { id: story.id, action: 'approve', override: true, note: 'fault test' });
        // Typing goes on a moment after the step: those edits arrive after it.
        const typedAtStep = typists.typed.length;
        await waitFor('edits typed after the step', () => typists.typed.length >= typedAtStep + 2, 20_000);
        await waitFor('the editor’s replica closed (its epoch ended)', () => park.closes > 0, 20_000);
      } finally {
        await typists.stop();
      }
      const approvedText = JSON.stringify(approved.body);
      // Every edit acknowledged is in the approved copy, once.
      for (const edit of typists.acked) expect(approvedText.split(edit), `acknowledged ${edit} in the approved copy`).toHaveLength(2);
      // What the replica holds beyond the approved copy was never acknowledged, and is in no stored text.
      const late = typists.typed.filter((e) => !approvedText.includes(e));
      for (const edit of late) expect(typists.acked).not.toContain(edit);
      expect(await storedText(databaseUrl, story.id)).toBe(approvedText);
      // The core keeps it aside and hands it in as a late revision: kept beside the story, not merged.
      if (late.length > 0) {
        expect(bodyText(park)).toContain(late[0]);
        const handed = await call<LateRevision>(b, 'park', 'submitLateRevision', { id: story.id, key: randomUUID(), typedAt: new Date().toISOString(), body: park.body(), fields: {} });
        expect(JSON.stringify(handed.body)).toContain(late.at(-1));
        const listed = await call<LateRevision[]>(a, 'park', 'listLateRevisions', { id: story.id });
        expect(listed.map((r) => r.id)).toEqual([handed.id]);
        expect(JSON.stringify((await call<Article>(a, 'park', 'getArticle', { id: story.id })).body)).toBe(approvedText);
      }
      park.destroy();
      // Fresh clients on both instances: the approved copy, the same everywhere, as stored, read-only.
      const fresh = [open(a, 'park', story.id), open(b, 'kim', story.id)];
      await waitFor('fresh clients synced in the new epoch', () => fresh.every((c) => c.provider.isSynced && c.messages.some((m) => m.type === 'epoch' && m.epoch === 2)), 20_000);
      for (const c of fresh) {
        expect(bodyText(c)).toBe(approvedText);
        expect(c.readOnly()).toBe(true);
      }
      expect(await storedText(databaseUrl, story.id)).toBe(approvedText);
      for (const c of fresh) c.destroy();
      lateEdits += late.length;
      ackedEdits += typists.acked.length;
    }
    console.info(`[step races edit] ${ROUNDS} approvals on A while typing on B: ${ackedEdits} edits acknowledged (all in the approved copies), ${lateEdits} after the step (none acknowledged, none approved, handed in as late revisions)`);
  }, TEST_MS);
  it(`the reporter's 출고 on A wins over the reporter typing on B, in ${ROUNDS} rounds: every acknowledged edit is in the sent version`, async () => {
    let after = 0;
    let acked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const story = await call<Article>(a, 'kim', 'createArticle');
      const kim = open(b, 'kim', story.id);
      await waitFor('the reporter synced and allowed to type', () => kim.provider.isSynced && kim.readOnly() === false, 15_000);
      const typists = startTypists([kim], [`s${round}e`], { pauseMs: 5, ackWaitMs: 1500 });
      let sent: Article;
      try {
        await waitFor('edits acknowledged before the step', () => typists.acked.length >= 3 + round * 4, 20_000);
        // Sent from another window of the reporter's, on the other instance (no live state named).
        sent = await call<Article>(a, 'kim', 'transitionArticle', { id: story.id, action: 'send' });
        const typedAtStep = typists.typed.length;
        await waitFor('edits typed after the step', () => typists.typed.length >= typedAtStep + 2, 20_000);
        await waitFor('the reporter’s connection read-only', () => kim.readOnly() === true, 20_000);
      } finally {
        await typists.stop();
      }
      const sentText = JSON.stringify(sent.body);
      // Acknowledged means stored before the step: in the sent version. Later edits were refused.
      for (const edit of typists.acked) expect(sentText.split(edit), `acknowledged ${edit} in the sent version`).toHaveLength(2);
      const late = typists.typed.filter((e) => !sentText.includes(e));
      for (const edit of late) expect(typists.acked).not.toContain(edit);
      // What is stored live is the sent version: nothing of the reporter's slipped in after the step.
      expect(await storedText(databaseUrl, story.id)).toBe(sentText);
      kim.destroy();
      after += late.length;
      acked += typists.acked.length;
    }
    console.info(`[step races edit] ${ROUNDS} sends on A while typing on B: ${acked} edits acknowledged (all in the sent versions), ${after} after the step (none acknowledged, none stored)`);
  }, TEST_MS);
  it(`words refused on B after the 출고 on A, yet relayed to A, are never stored from A, in ${ROUNDS} rounds`, async () => {
    // Another window of the reporter's on A holds the story, so A has it in memory and gets B's
    // relayed updates (the refused ones too, relayed before their append). A client joining on A
    // afterwards makes A store what its memory holds beyond the stored rows (a dead instance's
    // leftovers); the refused words must not be among them.
    let refusedRounds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const story = await call<Article>(a, 'kim', 'createArticle');
      const watcher = open(a, 'kim', story.id);
      const kim = open(b, 'kim', story.id);
      await waitFor('both windows synced, the one on B allowed to type', () => watcher.provider.isSynced && kim.provider.isSynced && kim.readOnly() === false, 15_000);
      const typists = startTypists([kim], [`w${round}e`], { pauseMs: 2, ackWaitMs: 1500 });
      let sent: Article;
      try {
        await waitFor('edits acknowledged before the step', () => typists.acked.length >= 3 + round * 2, 20_000);
        sent = await call<Article>(a, 'kim', 'transitionArticle', { id: story.id, action: 'send' });
        const typedAtStep = typists.typed.length;
        await waitFor('edits typed after the step', () => typists.typed.length >= typedAtStep + 2, 20_000);
        // Either the flip reached B first (nothing refused) or an append was refused and the epoch ended.
        await waitFor('the window on B read-only or its epoch ended', () => kim.readOnly() === true || kim.closes > 0, 20_000);
      } finally {
        await typists.stop();
      }
      const sentText = JSON.stringify(sent.body);
      const late = typists.typed.filter((e) => !sentText.includes(e));
      if (kim.closes > 0) refusedRounds += 1;
      // Joining on A: whatever A stores for it, no refused word is stored, now or later.
      const joiner = open(a, 'park', story.id);
      await waitFor('a desk client joined on A', () => joiner.provider.isSynced, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const stored = await storedText(databaseUrl, story.id);
      for (const edit of late) expect(stored, `refused ${edit} stored`).not.toContain(edit);
      for (const edit of typists.acked) expect(stored.split(edit), `acknowledged ${edit} stored once`).toHaveLength(2);
      expect(JSON.stringify((await call<Article>(a, 'park', 'getArticle', { id: story.id })).body)).toBe(sentText);
      for (const c of [watcher, kim, joiner]) c.destroy();
    }
    console.info(`[step races edit] ${ROUNDS} sends on A with the story open on both: ${refusedRounds} rounds had a refused update on B; no refused word stored`);
  }, TEST_MS);
});
