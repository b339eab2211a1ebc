// Every bench, in the order `npm run bench` runs them (bench/benches.test.ts checks that each
// `*Bench.ts` in this folder is here, so the quick run in CI covers a new one too).
import type { Bench } from './bench';
import { saveBench } from './saveBench';
import { historyBench } from './historyBench';
import { typingBench } from './typingBench';
import { photoBench } from './photoBench';
import { exportBench } from './exportBench';
import { searchBench } from './searchBench';
import { listBench } from './listBench';
import { backupBench } from './backupBench';
import { crashBench } from './crashBench';
import { serverRoundTripBench } from './serverRoundTripBench';
import { serverBench } from './serverBench';
import { collabBench } from './collabBench';
import { clusterBench } from './clusterBench';
import { offlineBench } from './offlineBench';
import { importLibraryBench } from './importLibraryBench';
import { faultsBench } from './faultsBench';
import { checkBench } from './checkBench';

export const BENCHES: readonly Bench[] = [saveBench, historyBench, typingBench, photoBench, exportBench, searchBench, listBench, backupBench, crashBench, serverRoundTripBench, serverBench, collabBench, clusterBench, faultsBench, offlineBench, importLibraryBench, checkBench];
