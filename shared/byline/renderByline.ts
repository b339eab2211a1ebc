// Renders a structured byline in a house style. The style is a template from settings (data),
// so `[한빛경제=산업부 김하늘ㆍ박도윤 기자]`, `(서울=연합뉴스) 홍길동 기자 =` and `By A and B` are
// all the same code with different patterns. `{dateline}` prints the article's dateline: in a wire
// lead the place before the outlet is where the story was filed, not a desk.
import type { Byline, Language, Reporter } from '../model/article';
import type { BylineTemplate, Settings } from '../model/settings';

const PLACEHOLDER = /\{(outlet|desk|dateline|reporters)\}/g;

/** Names joined by the template's separators, roles shared by neighbours with the same role. */
export function renderReporters(reporters: readonly Reporter[], template: BylineTemplate): string {
  const named = reporters.filter((r) => r.name.trim() !== '');
  if (named.length === 0) return '';
  const groups: { names: string[]; role: string }[] = [];
  for (const r of named) {
    const role = template.roleStyle === 'suffix' ? r.role.trim() : '';
    const last = groups[groups.length - 1];
    if (last && last.role === role) last.names.push(r.name.trim());
    else groups.push({ names: [r.name.trim()], role });
  }
  const join = (items: string[]) => {
    if (items.length < 2) return items.join('');
    const lastSep = template.lastSeparator || template.separator;
    return items.slice(0, -1).join(template.separator) + lastSep + items[items.length - 1];
  };
  // Within a group every name but the last is bare; the group's role follows its last name.
  const rendered = groups.map((g) => (g.role ? `${join(g.names)} ${g.role}` : join(g.names)));
  return join(rendered);
}

/** The template prints the dateline itself (`(<{dateline}=>{outlet}) …`), so the body must not open with it again. */
export const usesDateline = (template: BylineTemplate): boolean => template.pattern.includes('{dateline}');

export function renderByline(byline: Byline, template: BylineTemplate, dateline = ''): string {
  const values: Record<string, string> = {
    outlet: byline.outlet.trim(),
    desk: byline.desk.trim(),
    dateline: dateline.trim(),
    reporters: renderReporters(byline.reporters, template),
  };
  if (!values.outlet && !values.reporters) return '';
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, key: string) => values[key]);
  // <optional parts> vanish when any placeholder inside them is empty.
  const withOptional = template.pattern.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const keys = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]);
    return keys.some((k) => values[k] === '') ? '' : fill(inner);
  });
  return fill(withOptional)
    .replace(/\s{2,}/g, ' ')
    .replace(/([[(])\s+/g, '$1')
    .replace(/\s+([\])])/g, '$1')
    .trim();
}

/** The lead reporter's e-mail, printed as the article's last line. */
export function signOff(byline: Byline): string {
  return byline.reporters.find((r) => r.email.trim() !== '')?.email.trim() ?? '';
}

export function pickTemplate(settings: Settings, byline: Byline, language: Language): BylineTemplate {
  const templates = settings.bylineTemplates;
  return (
    templates.find((t) => t.id === byline.templateId) ??
    templates.find((t) => t.id === settings.defaultTemplateIds[language]) ??
    templates.find((t) => t.language === language) ??
    templates[0]
  );
}

export type BylinePatternError = 'unbalancedBrackets' | 'noReporters';

export function validateBylinePattern(pattern: string): BylinePatternError | null {
  let depth = 0;
  for (const ch of pattern) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (depth < 0 || depth > 1) return 'unbalancedBrackets';
  }
  if (depth !== 0) return 'unbalancedBrackets';
  return pattern.includes('{reporters}') ? null : 'noReporters';
}
