// Who else is in a live story now: their names in their caret colours, from the story's presence
// channel (Yjs awareness; CollaborationCaret publishes each person's `user`). This window itself
// is not listed, and a person with two windows open is listed once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { LiveUser } from '../editor/live/LiveBody';

function others(awareness: Awareness): LiveUser[] {
  const seen = new Map<string, LiveUser>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: Partial<LiveUser> }).user;
    if (clientId === awareness.clientID || typeof user?.name !== 'string' || typeof user.color !== 'string') continue;
    seen.set(`${user.name}\u0000${user.color}`, { name: user.name, color: user.color });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function LivePresence(props: { awareness: Awareness }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<LiveUser[]>(() => others(props.awareness));
  useEffect(() => {
    const update = () => setPeople(others(props.awareness));
    update();
    props.awareness.on('change', update);
    return () => props.awareness.off('change', update);
  }, [props.awareness]);
  if (people.length === 0) return null;
  return (
    <div className="live-presence" data-testid="live-presence" aria-live="polite">
      <span>{t('live.alsoHere')}</span>
      {people.map((p) => (
        <span key={`${p.name}${p.color}`} className="live-presence__person" data-testid="live-person" style={{ borderColor: p.color }}>
          <span className="live-presence__dot" style={{ background: p.color }} aria-hidden="true" />
          {p.name}
        </span>
      ))}
    </div>
  );
}
