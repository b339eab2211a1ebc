import { expect, type Page } from '@playwright/test';
import { drawnPhoto } from './drawnPhoto';

// A news page copied as text, of our own making: headline, byline, two paragraphs and two photo
// caption lines. The importer turns each caption line into a figure waiting for its photo.

export const WEB_COPY_HEADLINE = '부산항 자동화 부두 내년 문 연다';
export const WEB_COPY_CAPTIONS = ['부산항 신항 부두에서 무인 크레인이 컨테이너를 옮기고 있다.', '광양항 관제실에서 직원이 하역 장비를 원격으로 조종하고 있다.'];
export const WEB_COPY_CREDIT = '한빛경제 DB';

export function webCopyText(): string {
  return [
    WEB_COPY_HEADLINE,
    '',
    '[한빛경제=산업부 김하늘 기자]',
    '',
    '해양수산부는 부산항 신항의 자동화 부두를 내년 상반기에 연다고 밝혔다. 무인 크레인 12기가 들어선다.',
    '',
    `${WEB_COPY_CAPTIONS[0]} [사진=${WEB_COPY_CREDIT}]`,
    '',
    '광양항도 2028년까지 원격 하역 장비를 들여 항만 노동자 재교육 예산을 함께 늘린다.',
    '',
    `${WEB_COPY_CAPTIONS[1]} [사진=${WEB_COPY_CREDIT}]`,
    '',
    '김하늘 기자 sky@hanbit.example',
    '',
  ].join('\n');
}

/**
 * Imports the web copy from the library screen and gives figure 1 its photo; figure 2 keeps
 * waiting. Returns figure 1's photo id once the editor shows it.
 */
export async function importWebCopyWithOnePhoto(page: Page): Promise<string> {
  await page.getByTestId('import-picker').setInputFiles({ name: '부산항.txt', mimeType: 'text/plain', buffer: Buffer.from(webCopyText()) });
  await page.getByTestId('import-open').click();
  const figure = page.getByTestId('figure');
  await expect(figure).toHaveCount(2);
  const chooser = page.waitForEvent('filechooser');
  await figure.nth(0).getByTestId('figure-add-photo').click();
  await (await chooser).setFiles(await drawnPhoto('harbour', 'crane.jpg'));
  await expect(figure.nth(0)).toHaveAttribute('data-photo-id', /^[a-f0-9]{64}$/);
  return (await figure.nth(0).getAttribute('data-photo-id'))!;
}
