// The desk's rules as an admin sets them: which role may take which workflow step (a table of
// checkboxes), and which pre-approval checks apply. The core enforces whatever is saved here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/model/person';
import type { WorkflowSettings } from '../../../shared/model/settings';
import { PERMISSIONS, type Permission } from '../../../shared/workflow/transitions';
import { CHECKLIST_ITEMS } from '../../../shared/workflow/checklist';
import { useMe } from '../people/MeContext';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

export function WorkflowSection(props: { workflow: WorkflowSettings; onSave(workflow: WorkflowSettings): Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const admin = me.role === 'admin';
  // The form shows a change at once; the saved settings come back from the core a moment later.
  const [w, setDraft] = useState(props.workflow);
  const { status, track } = useSaveStatus();
  const label = (p: Permission) => (p === 'override' ? t('settings.overridePermission') : p === 'seeDrafts' ? t('settings.seeDraftsPermission') : t(`workflow.action.${p}`));
  const save = (next: WorkflowSettings) => {
    setDraft(next);
    void track(props.onSave(next));
  };
  return (
    <section className="settings__section" data-testid="workflow-settings">
      <div className="settings__head">
        <h2>{t('settings.workflow')}</h2>
        <SaveStatusLine status={status} />
      </div>
      {!admin && <p className="muted">{t('people.adminOnly')}</p>}
      <table className="permission-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.step')}</th>
            {ROLES.map((r) => <th key={r} scope="col">{t(`roles.${r}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {PERMISSIONS.map((p) => (
            <tr key={p}>
              <th scope="row">{label(p)}</th>
              {ROLES.map((r) => (
                <td key={r}>
                  <input
                    type="checkbox"
                    data-testid={`permission-${p}-${r}`}
                    aria-label={`${t(`roles.${r}`)}: ${label(p)}`}
                    checked={w.permissions[p].includes(r)}
                    disabled={!admin}
                    onChange={(e) => save({ ...w, permissions: { ...w.permissions, [p]: e.target.checked ? [...w.permissions[p], r] : w.permissions[p].filter((x) => x !== r) } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('settings.checklist')}</h3>
      <ul className="checklist-settings">
        {CHECKLIST_ITEMS.map((item) => (
          <li key={item}>
            <label>
              <input
                type="checkbox"
                data-testid={`checklist-${item}`}
                checked={w.checklist.items[item] !== false}
                disabled={!admin}
                onChange={(e) => save({ ...w, checklist: { ...w.checklist, items: { ...w.checklist.items, [item]: e.target.checked } } })}
              />
              {t(`checklist.${item}`)}
            </label>
          </li>
        ))}
      </ul>
      <label>
        {t('settings.lengthTolerance')}
        <input
          type="number"
          min={0}
          max={100}
          value={w.checklist.lengthTolerancePct}
          disabled={!admin}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 100) save({ ...w, checklist: { ...w.checklist, lengthTolerancePct: n } });
          }}
        />
      </label>
    </section>
  );
}
