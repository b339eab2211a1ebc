// Debian's Chromium where it is installed (these CI machines cannot download Playwright's build);
// otherwise undefined, so Playwright uses its own browser on a developer's machine.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

export function chromiumExecutable(): string | undefined {
  if (process.env.COPYDESK_CHROMIUM) return process.env.COPYDESK_CHROMIUM;
  return CANDIDATES.find((p) => existsSync(p));
}
