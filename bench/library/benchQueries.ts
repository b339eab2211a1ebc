// The searches the scale benches make, the same in every run and every bench.
import { vocabulary } from './generateArticles';
import { seededRandom } from '../koreanText';

/** A realistic mix: Korean words across the frequency curve (alone, in pairs, with particles), English prefixes, bylines, mixed. */
export function benchQueries(count = 200): string[] {
  const v = vocabulary();
  const rand = seededRandom(99);
  const pick = <T>(list: T[], max = list.length) => list[Math.floor(Math.pow(rand(), 2) * Math.min(max, list.length))];
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const kind = i % 8;
    if (kind <= 2) out.push(pick(v.ko, 20000));
    else if (kind === 3) out.push(`${pick(v.ko, 5000)} ${pick(v.ko, 5000)}`);
    else if (kind === 4) out.push(pick(v.ko, 3000) + '를');
    else if (kind === 5) out.push(pick(v.en.slice(20), 20000).slice(0, 3 + Math.floor(rand() * 4)));
    else if (kind === 6) out.push(rand() < 0.5 ? pick(v.reportersKo) : pick(v.reportersEn));
    else out.push(`${pick(v.ko, 3000)} ${pick(v.en.slice(20), 3000)}`);
  }
  return out;
}
