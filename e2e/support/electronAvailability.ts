// Whether the Electron project can run on this machine, and if not, why (shown as the skip reason).
import { findElectronBinary } from '../../scripts/electronBinary';

export function electronUnavailableReason(root = process.cwd()): string | null {
  const binary = findElectronBinary(root);
  return binary.found ? null : `no Electron binary on this machine (${binary.reason}); the same specs ran against the browser host`;
}
