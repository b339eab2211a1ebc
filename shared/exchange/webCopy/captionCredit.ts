// Photo captions in pasted copy. A web page's photo leaves only its caption line between the
// paragraphs, often with the credit in the house's shape: `(Photo: Ines Okafor/Coastline Herald)`,
// `(AP Photo/Jane Doe)`, `[사진=홍길동 기자]`, `(삼성전자 제공)`, `…있다. 2026.11.3 /연합뉴스`.
// Splitting the credit off is what lets the caption become a figure awaiting its photo.

export interface CaptionParts {
  caption: string;
  credit: string;
}

/** A date some agencies print between caption and credit (`2026.11.3`). */
const TRAILING_DATE = /\s*\d{4}\.\d{1,2}\.\d{1,2}\.?\s*$/;

const CREDITS: { re: RegExp; credit: (m: RegExpExecArray) => string }[] = [
  // (Photo: X) (Photo by X) [Image: X] (Illustration: X)
  { re: /\s*[([<]\s*(?:photos?|photograph|picture|image|illustration|graphic|video|credit)\s*(?:by\s+|:\s*|：\s*)([^)\]>]{1,80}?)\s*[)\]>]$/i, credit: (m) => m[1] },
  // (AP Photo/Jane Doe) (Reuters/Kim Hong-Ji) (AFP via Getty Images)
  { re: /\s*\(((?:AP|AFP|Reuters|EPA|Getty Images|Yonhap|Xinhua|Bloomberg|Kyodo)(?: Photo)?(?:\/[^()]{1,60}| via [^()]{1,40}| Photo))\)$/, credit: (m) => m[1] },
  // [사진=X] (사진=X) <사진 제공=X> [그래픽=X] (이미지=X) [사진출처=X]
  { re: /\s*[([<]\s*(?:사진|사진\s?제공|사진\s?출처|이미지|출처|그래픽|자료|영상|일러스트)\s*[=:：]\s*([^)\]>]{1,60}?)\s*[)\]>]$/, credit: (m) => m[1] },
  // [한빛경제 자료사진] (삼성전자 제공) [연합뉴스 DB] [자료사진]
  { re: /\s*[([]\s*([^()[\]]{2,40}?\s(?:제공|자료사진|DB|사진)|자료사진)\s*[)\]]$/, credit: (m) => m[1] },
  // …있다. /연합뉴스   …있다. 2026.11.3/뉴스1
  { re: /(?<=[.!?。]|\d|\s)\s*\/\s*([^/\s.][^/.]{0,24})$/, credit: (m) => m[1] },
  // …있다. 사진=바다뉴스 (unbracketed, after the sentence)
  { re: /(?<=[.!?。]|^)\s*(?:사진|사진\s?제공)\s*[=:：]\s*([^=:：]{2,30})$/, credit: (m) => m[1] },
  // …in Port Avery. Photo: Ines Okafor   …at the old terminal Photograph: J. Okafor/Coastline Herald
  // (the caption need not end in a stop, or may be on the line above; the label is capitalised)
  { re: /(?:(?<=\S)\s+|^)(?:Photo|Photos|Photograph|Photographs|Illustration|Composite)(?:\s+by|:)\s+([\p{Lu}\d][^.!?]{1,79}|[\p{Lu}\d][^]{1,78}[^.!?])$/u, credit: (m) => m[1] },
];

/** Marks some desks print before a caption (`▲ 7일 부산 신항에서…`). */
const CAPTION_MARK = /^[▲△]\s*/;

/** Caption and credit, or null when the line carries no credit. */
export function splitCredit(line: string): CaptionParts | null {
  for (const { re, credit } of CREDITS) {
    const m = re.exec(line);
    if (!m) continue;
    const c = credit(m).trim();
    if (!/\p{L}/u.test(c) || c.split(/\s+/).length > 8) continue;
    return { caption: line.slice(0, m.index).replace(TRAILING_DATE, '').replace(CAPTION_MARK, '').trim(), credit: c };
  }
  return null;
}

/** Prose about a trend ("기업들이 잇따라 뛰어들고 있다"), not a picture of a moment. */
const TREND = /잇따라|잇달아|속속|점점|갈수록|꾸준히|빠르게|최근|늘어나|늘고|커지|줄어들|줄고|확산|증가|감소|이어지|뛰어들|높아지|낮아지|쏟아지|몰리|확대|급증|급감|상승|하락|강화|약화|계속되/;

/**
 * A Korean caption without a credit written as a sentence: one sentence describing a scene in
 * the present progressive (`…공장에서 작업자가 … 옮기고 있다.`), the way Korean desks caption
 * photos, with no quotation and no word of a trend in it.
 */
export function isKoreanSceneCaption(line: string): boolean {
  return (
    line.length <= 150 &&
    !TREND.test(line) &&
    /(고|며) 있다\.$/.test(line) &&
    (line.match(/[.!?。](?=\s|$)/g) ?? []).length === 1 &&
    /에서\s/.test(line) &&
    /(이|가)\s/.test(line) &&
    !/["“”'‘’]/.test(line)
  );
}
