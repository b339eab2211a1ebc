// The library's people. An admin adds and edits them (role, desk, byline name and title, e-mail)
// and can deactivate someone who left; everyone else sees the list. People are never deleted, so
// history keeps their names. In a library connected to a newsroom they are the server's accounts,
// so a new person also gets a login and an initial password.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Person, type PersonDraft, type Role } from '../../../shared/model/person';
import { call } from '../api';
import { useMe } from '../people/MeContext';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

/** One detail of a person, edited in place by an admin and saved when the field is left. */
function PersonField(props: { person: Person; field: 'name' | 'desk' | 'email' | 'bylineName' | 'bylineRole'; editable: boolean; onSave(p: Person): Promise<boolean> }) {
  const { t } = useTranslation();
  const value = props.person[props.field];
  if (!props.editable) return <>{value}</>;
  return (
    <input
      key={value}
      data-testid={`person-${props.field}`}
      aria-label={`${props.person.name}: ${t(`people.${props.field}`)}`}
      defaultValue={value}
      onBlur={(e) => {
        const next = e.target.value.trim();
        if (next !== value && (props.field !== 'name' || next !== '')) void props.onSave({ ...props.person, [props.field]: next });
        else e.target.value = value;
      }}
    />
  );
}

const blank = (role: Role, bylineRole: string): PersonDraft => ({ name: '', role, desk: '', email: '', bylineName: '', bylineRole, active: true });

export function PeopleSection(props: { onPeopleChanged(people: Person[]): void }) {
  const { t } = useTranslation();
  const { me, people } = useMe();
  const admin = me.role === 'admin';
  const [draft, setDraft] = useState<PersonDraft>(() => blank('reporter', t('people.defaultBylineRole')));
  const [account, setAccount] = useState({ login: '', password: '' });
  const [newsroom, setNewsroom] = useState(false);
  useEffect(() => {
    let gone = false;
    call('getLibraryInfo', {}).then((info) => !gone && setNewsroom(info.newsroom !== null), () => undefined);
    return () => {
      gone = true;
    };
  }, []);
  // A refusal (the last admin, a name taken…) is said beside the title, where "saved" is said.
  const { status, track } = useSaveStatus();

  const save = (person: PersonDraft, signIn?: { login: string; password: string }) =>
    track(
      (async () => {
        await call('savePerson', { actor: me.id, person: { ...person, bylineName: person.bylineName.trim() || person.name.trim() }, ...(signIn ? { account: signIn } : {}) });
        props.onPeopleChanged(await call('listPeople', {}));
      })(),
    );

  return (
    <section className="settings__section" data-testid="people-settings">
      <div className="settings__head">
        <h2>{t('people.title')}</h2>
        <SaveStatusLine status={status} />
      </div>
      {!admin && <p className="muted">{t('people.adminOnly')}</p>}
      <table className="people-table">
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.role')}</th>
            <th scope="col">{t('people.desk')}</th>
            <th scope="col">{t('people.email')}</th>
            <th scope="col">{t('people.bylineName')}</th>
            <th scope="col">{t('people.bylineRole')}</th>
            <th scope="col">{t('people.active')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} data-testid="person-row" data-person-name={p.name} className={p.active ? '' : 'muted'}>
              <td><PersonField person={p} field="name" editable={admin} onSave={save} /></td>
              <td>
                <select aria-label={t('people.role')} data-testid="person-role" value={p.role} disabled={!admin} onChange={(e) => void save({ ...p, role: e.target.value as Role })}>
                  {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                </select>
              </td>
              <td><PersonField person={p} field="desk" editable={admin} onSave={save} /></td>
              <td><PersonField person={p} field="email" editable={admin} onSave={save} /></td>
              <td><PersonField person={p} field="bylineName" editable={admin} onSave={save} /></td>
              <td><PersonField person={p} field="bylineRole" editable={admin} onSave={save} /></td>
              <td><input type="checkbox" aria-label={t('people.active')} checked={p.active} disabled={!admin || p.id === me.id} onChange={(e) => void save({ ...p, active: e.target.checked })} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin && (
        <form
          className="people-add"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft, newsroom ? account : undefined).then((ok) => {
              if (!ok) return;
              setDraft(blank(draft.role, draft.bylineRole));
              setAccount({ login: '', password: '' });
            });
          }}
        >
          <input data-testid="new-person-name" placeholder={t('people.name')} aria-label={t('people.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
          <select data-testid="new-person-role" aria-label={t('people.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
          <input data-testid="new-person-desk" placeholder={t('people.desk')} aria-label={t('people.desk')} value={draft.desk} onChange={(e) => setDraft({ ...draft, desk: e.target.value })} />
          <input type="email" placeholder={t('people.email')} aria-label={t('people.email')} value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
          <input placeholder={t('people.bylineRole')} aria-label={t('people.bylineRole')} value={draft.bylineRole} onChange={(e) => setDraft({ ...draft, bylineRole: e.target.value })} />
          {newsroom && (
            <>
              <input data-testid="new-person-login" placeholder={t('people.login')} aria-label={t('people.login')} autoComplete="off" value={account.login} onChange={(e) => setAccount({ ...account, login: e.target.value })} required />
              <input
                data-testid="new-person-password"
                type="password"
                placeholder={t('people.initialPassword')}
                aria-label={t('people.initialPassword')}
                title={t('people.initialPasswordHelp')}
                autoComplete="new-password"
                minLength={8}
                value={account.password}
                onChange={(e) => setAccount({ ...account, password: e.target.value })}
                required
              />
            </>
          )}
          <button type="submit" className="primary small" data-testid="add-person" disabled={!draft.name.trim() || (newsroom && (!account.login.trim() || account.password.length < 8))}>{t('people.add')}</button>
        </form>
      )}
    </section>
  );
}
