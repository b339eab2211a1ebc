// Offline-first desktops (issue 17), on the newsroom server and a reporter's bound core in this
// process (bench/offline/boundDesk.ts):
//   1. edits typed in stories held open while the server is gone, until its database holds them
//      all once it is back (time to merged, target ≤ 1 s; nothing lost or doubled), against the
//      same edits typed online in one burst (offline/reconnect.ts);
//   2. keystroke latency in the app's editor in Chromium, in a live story opened offline from its
//      replica after a reload with the server gone, against the same story in an unconnected
//      library, rounds taking turns (offline/browserOfflineTyping.ts; target ≤ 1.1×; every syllable
//      in the replica and on the server once it is back);
//   3. what part 2's offline keystroke costs in the core alone (the window's update appended to the
//      replica log), in this process, against an in-memory apply (offline/offlineTyping.ts).
import { BoundDesk, type OpenStory } from './offline/boundDesk';
import { reconnect } from './offline/reconnect';
import { offlineTyping } from './offline/offlineTyping';
import { browserOfflineTyping } from './offline/browserOfflineTyping';
import { benchCheck, sized, type Bench } from './bench';

export const offlineBench: Bench = {
  name: 'offline (replicas and reconnect)',
  async run(opts) {
    const storyCount = sized(opts, 10, 3);
    const edits = sized(opts, 1000, 100);
    const desk = await BoundDesk.start();
    const lines = [`database: ${desk.database}`];
    try {
      // Every story is opened online first, so each has its replica on disk; one more for part 3.
      const ids = [];
      for (let s = 0; s <= storyCount; s++) ids.push(await desk.createStory(s + 1));
      const stories: OpenStory[] = [];
      for (const id of ids) {
        const { story, connected } = await desk.open(id);
        if (!connected) throw new Error(`story ${id} opened offline while the server was up`);
        stories.push(story);
      }
      const typingStory = stories.pop()!;
      await desk.close(typingStory);

      // Full size: the server is gone long enough for the providers' retries to reach their longest
      // interval, as after any real time offline; quick: only while typing.
      const one = await reconnect(desk, stories, edits, sized(opts, 15_000, 0));
      lines.push(...one.lines);
      benchCheck(one.ok, lines);

      const two = await browserOfflineTyping(opts, desk);
      lines.push(...two.lines);
      benchCheck(two.ok, lines);

      await desk.stopServer();
      const three = await offlineTyping(desk, typingStory.id, sized(opts, 6, 2), sized(opts, 200, 60));
      lines.push(...three.lines);
      benchCheck(three.ok, lines);
    } finally {
      await desk.dispose();
    }
    return lines;
  },
};
