import { describe, it, expect } from 'vitest';
import { isKoreanSceneCaption, splitCredit } from './captionCredit';

describe('splitCredit', () => {
  it.each([
    ['Workers install racks. (Photo: Ines Okafor/Coastline Herald)', 'Workers install racks.', 'Ines Okafor/Coastline Herald'],
    ['A control room. (Photo by Coastline Herald)', 'A control room.', 'Coastline Herald'],
    ['Senators leave the chamber. (AP Photo/Jane Doe)', 'Senators leave the chamber.', 'AP Photo/Jane Doe'],
    ['작업자가 배터리 모듈을 옮기고 있다. [사진=김하늘 기자]', '작업자가 배터리 모듈을 옮기고 있다.', '김하늘 기자'],
    ['신형 배터리 팩 (삼성전자 제공)', '신형 배터리 팩', '삼성전자 제공'],
    ['직원들이 웨이퍼를 점검하고 있다. 2026.11.3 /연합뉴스', '직원들이 웨이퍼를 점검하고 있다.', '연합뉴스'],
    ['크레인이 컨테이너를 옮기고 있다. (사진=항만공사 제공)', '크레인이 컨테이너를 옮기고 있다.', '항만공사 제공'],
    ['지난해 여름 신항 전경. [바다뉴스 자료사진]', '지난해 여름 신항 전경.', '바다뉴스 자료사진'],
    ['지난해 여름 신항 전경. [자료사진]', '지난해 여름 신항 전경.', '자료사진'],
    ['▲ 학생들이 교사와 인사하고 있다. [사진=한빛일보 DB]', '학생들이 교사와 인사하고 있다.', '한빛일보 DB'],
    ['학생들이 교사와 인사하고 있다. 사진=한빛일보', '학생들이 교사와 인사하고 있다.', '한빛일보'],
    ['배추 가격 추이 (이미지=새벽일보)', '배추 가격 추이', '새벽일보'],
    ['A refitted ferry at its berth in Lund Photograph: Sami Brandt/Coastline Herald', 'A refitted ferry at its berth in Lund', 'Sami Brandt/Coastline Herald'],
    ['The harbour at dawn. Photograph: J. Okafor/Norland Wire', 'The harbour at dawn.', 'J. Okafor/Norland Wire'],
    ['A chart of ferry routes Illustration: Coastline Herald design', 'A chart of ferry routes', 'Coastline Herald design'],
    ['Photograph: Ines Okafor/Coastline Herald', '', 'Ines Okafor/Coastline Herald'],
  ])('splits %s', (line, caption, credit) => {
    expect(splitCredit(line)).toEqual({ caption, credit });
  });

  it('finds no credit in ordinary paragraphs', () => {
    expect(splitCredit('The split was 50/50.')).toBeNull();
    expect(splitCredit('The Avery/Lund crossing closed in March.')).toBeNull();
    expect(splitCredit('그 비율은 50/50')).toBeNull();
    expect(splitCredit('정부는 법안을 발의할 계획이다(사진).')).toBeNull();
    expect(splitCredit('Photo by photo, the town rebuilt its harbour.')).toBeNull();
    expect(splitCredit('The museum shows old ferry photos: boats, piers and crews.')).toBeNull();
  });
});

describe('isKoreanSceneCaption', () => {
  it('knows a one-sentence scene in the present progressive', () => {
    expect(isKoreanSceneCaption('경북 포항의 한 배터리 재활용 공장에서 작업자가 분해된 배터리 모듈을 옮기고 있다.')).toBe(true);
  });

  it('leaves story sentences alone', () => {
    expect(isKoreanSceneCaption('다 쓴 전기차 배터리에서 리튬을 뽑아내는 사업에 국내 기업들이 잇따라 뛰어들고 있다.')).toBe(false);
    expect(isKoreanSceneCaption('완성차 업체들도 가만히 있지 않는다. 차를 팔 때부터 이력을 관리하고 있다.')).toBe(false);
    expect(isKoreanSceneCaption('관계자는 “공장에서 직원들이 일하고 있다.”')).toBe(false);
  });
});
