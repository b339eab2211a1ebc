import { describe, it, expect } from 'vitest';
import { parseDateline } from './dateline';

describe('parseDateline', () => {
  it.each([
    ['PORT AVERY — The last ferry ran in March.', 'PORT AVERY', ''],
    ['WASHINGTON (AP) — The Senate passed the bill.', 'WASHINGTON', 'AP'],
    ['SEOUL, Nov. 3 (Reuters) - Shipbuilders won orders.', 'SEOUL', 'Reuters'],
    ['SEOUL, Aug. 20 (Yonhap) -- North Korea blasted the drill.', 'SEOUL', 'Yonhap'],
    ['PORTLAND, Ore. — Rain fell.', 'PORTLAND, Ore.', ''],
    ['NEW YORK—Stocks rose.', 'NEW YORK', ''],
  ])('reads %s', (paragraph, dateline, agency) => {
    const parsed = parseDateline(paragraph);
    expect(parsed?.dateline).toBe(dateline);
    expect(parsed?.agency).toBe(agency);
    expect(parsed?.rest).toMatch(/^[A-Z][a-z]/);
  });

  it('leaves a paragraph that merely has a dash alone', () => {
    expect(parseDateline('The port — once busy — is quiet now.')).toBeNull();
    expect(parseDateline('Petra Holm — who runs the project — agreed.')).toBeNull();
    expect(parseDateline('The vote was 68-31 - a wide margin.')).toBeNull();
  });

  it('reads a Korean place written the same way', () => {
    expect(parseDateline('서울 — 정부가 발표했다.')).toEqual({ dateline: '서울', agency: '', rest: '정부가 발표했다.' });
  });
});
