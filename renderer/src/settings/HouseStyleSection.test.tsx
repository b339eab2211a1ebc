// @vitest-environment jsdom
// Settings › House style: the set in force and how many rules are on; a switch turns one rule off
// (the patch names it); Import… shows the proof's progress, then a refused file's problems in the
// window's language; and a reporter sees everything read-only, with no Import or Reset.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import { defaultRuleSets } from '../../../shared/style/checkArticle';
import type { Person, Role } from '../../../shared/model/person';
import { defaultPermissions } from '../../../shared/workflow/transitions';
import { MeContext } from '../people/MeContext';

const calls: { method: string; input: Record<string, unknown> }[] = [];
let finish: (answer: unknown) => void = () => undefined;
vi.mock('../api', () => ({
  call: async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    if (method === 'jobProgress') return { done: 400, total: 1000, current: 'spacing-jung' };
    if (method === 'importHouseStyle') return new Promise((resolve) => (finish = resolve));
    return null;
  },
  onEvent: () => () => undefined,
}));
const { HouseStyleSection } = await import('./HouseStyleSection');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en }, ko: { translation: ko } }, interpolation: { escapeValue: false }, showSupportNotice: false });

let root: Root | null = null;
afterEach(async () => {
  act(() => root?.unmount());
  root = null;
  calls.length = 0;
  vi.useRealTimers();
  await i18n.changeLanguage('en');
});

const $ = (host: HTMLElement, id: string) => host.querySelector(`[data-testid=${id}]`) as HTMLElement | null;
const person = (role: Role): Person => ({ id: `p-${role}`, name: '김하늘', role, desk: '', email: '', bylineName: '김하늘', bylineRole: '기자', active: true });

async function section(role: Role, settings: Settings, onSave: (patch: SettingsPatch) => Promise<void> = async () => undefined): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const me = person(role);
  await act(async () =>
    root!.render(
      <MeContext.Provider value={{ me, people: [me], permissions: defaultPermissions(), connected: false }}>
        <HouseStyleSection settings={settings} onSave={onSave} onSettings={() => undefined} />
      </MeContext.Provider>,
    ),
  );
  return host;
}

describe('HouseStyleSection', () => {
  it('shows the set in force, and a switch turns one rule off for that language', async () => {
    const total = defaultRuleSets().ko.rules.length;
    const saved: SettingsPatch[] = [];
    const host = await section('admin', defaultSettings(), async (patch) => void saved.push(patch));
    expect($(host, 'house-style-source')?.textContent).toContain(`Default rules (${total})`);
    expect(host.querySelectorAll('[data-testid=house-style-rule]').length).toBe(total);
    const first = host.querySelector('[data-testid=house-style-rule] input') as HTMLInputElement;
    expect(first.checked).toBe(true);
    await act(async () => first.click());
    expect(saved).toEqual([{ houseStyle: { ko: { disabled: [defaultRuleSets().ko.rules[0].id] } } }]);
  });

  it('Import… shows progress while the file is proven, then a refused file’s problems in the window’s language', async () => {
    await i18n.changeLanguage('ko');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const host = await section('admin', defaultSettings());
    const input = $(host, 'house-style-file') as HTMLInputElement;
    const file = new File(['{"version":1}'], 'ours.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await act(async () => vi.advanceTimersByTime(300));
    expect($(host, 'house-style-progress')?.textContent).toContain('40%');
    expect(calls.find((c) => c.method === 'importHouseStyle')?.input).toMatchObject({ name: 'ours.json', text: '{"version":1}' });
    await act(async () => finish({ ok: false, problems: [{ kind: 'duplicateId', ruleId: 'loanword-message' }] }));
    expect($(host, 'house-style-progress')).toBeNull();
    const problems = $(host, 'house-style-problems')?.textContent ?? '';
    expect(problems).toContain('규칙 파일을 받지 않았습니다');
    expect(problems).toContain('규칙 “loanword-message”이(가) 두 번 이상 있습니다');
  });

  it('a reporter sees it read-only: no Import or Reset, switches and the word list disabled', async () => {
    const host = await section('reporter', { ...defaultSettings(), houseStyle: { ...defaultSettings().houseStyle, wordList: ['한빛경제'] } });
    expect($(host, 'house-style-read-only')).not.toBeNull();
    expect($(host, 'house-style-import')).toBeNull();
    expect($(host, 'house-style-reset')).toBeNull();
    expect($(host, 'house-style-export')).not.toBeNull();
    expect(($(host, 'house-style-rules') as HTMLFieldSetElement).disabled).toBe(true);
    expect($(host, 'house-style-words')?.textContent).toContain('한빛경제');
    expect(($(host, 'house-style-add-word') as HTMLButtonElement).closest('fieldset')?.disabled).toBe(true);
  });
});
