// House style in the headline and deck, which are fields rather than the body's editor: each
// finding nobody kept, under the deck, with its fix and "keep it here", as the body's card offers.
// The same findings block approval (shared/workflow/houseStylePlaces.ts), so what is listed here is
// what the checklist would name.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/article';
import { keptAt, type KeptFinding } from '../../../shared/style/keptFindings';
import type { RuleSet } from '../../../shared/style/ruleSchema';
import { houseStylePlaces, type StyleCheckedContent } from '../../../shared/workflow/houseStylePlaces';
import type { FindingPlace } from '../../../shared/workflow/places';
import { findingMessage } from '../editor/check/FindingCard';

const NO_BODY = { type: 'doc' as const, content: [] };

export type FieldFinding = FindingPlace & { at: Extract<FindingPlace['at'], { kind: 'field' }> };

/** The headline's and deck's findings nobody kept (the side panel counts them with the body's). */
export function useFieldFindings(meta: Omit<StyleCheckedContent, 'body'> | null, sets: Record<Language, RuleSet>): FieldFinding[] {
  const { language, headline, deck, keptFindings } = meta ?? {};
  return useMemo(
    () =>
      language === undefined || headline === undefined || deck === undefined || keptFindings === undefined
        ? []
        : houseStylePlaces({ language, headline, deck, keptFindings, body: NO_BODY }, sets).filter((f): f is FieldFinding => f.at.kind === 'field'),
    [language, headline, deck, keptFindings, sets],
  );
}

export function FieldFindings(props: {
  meta: Omit<StyleCheckedContent, 'body'>;
  findings: FieldFinding[];
  editable: boolean;
  onFix(finding: FieldFinding): void;
  onKeep(kept: KeptFinding): void;
}) {
  const { t, i18n } = useTranslation();
  const { headline, deck } = props.meta;
  const findings = props.findings;
  if (findings.length === 0) return null;
  const lineText = (f: FieldFinding) => (f.at.field === 'headline' ? headline : deck[f.at.line] ?? '');
  return (
    <div className="field-findings" data-testid="field-findings">
      <span className="field-findings__label">{t('check.fieldFindings')}</span>
      <ul>
        {findings.map((f) => (
          <li key={`${f.at.field}${f.at.line}:${f.at.offset}:${f.ruleId}`} data-testid="field-finding" title={findingMessage(f, i18n.language)}>
            <span className="field-findings__where">{f.at.field === 'headline' ? t('check.fieldWhere.headline') : t('check.fieldWhere.deck', { n: f.at.line + 1 })}</span>{' '}
            <del>{f.text}</del>
            {f.fix !== undefined && (
              <>
                {' → '}
                <ins>{f.fix}</ins>
              </>
            )}
            {props.editable && f.fix !== undefined && (
              <button type="button" className="small" data-testid="field-finding-fix" onClick={() => props.onFix(f)}>
                {t('check.fix')}
              </button>
            )}
            {props.editable && (
              <button type="button" className="small link-button" data-testid="field-finding-keep" onClick={() => props.onKeep(keptAt(f.ruleId, lineText(f), f.at.offset, f.text.length))}>
                {t('check.ignore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
