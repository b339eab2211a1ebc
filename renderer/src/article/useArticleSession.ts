// One ArticleSession per opened article and person, for as long as the screen shows it; React
// reads its snapshot. Leaving saves what is unsaved before letting go.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ArticleSession, EMPTY_SNAPSHOT, type Rules, type SessionSnapshot } from './ArticleSession';
import { contractBackend } from './contractBackend';

const noSubscribe = () => () => undefined;
const empty = () => EMPTY_SNAPSHOT;

export function useArticleSession(id: string, actor: string, rules: Rules): { session: ArticleSession | null; snap: SessionSnapshot } {
  const [session, setSession] = useState<ArticleSession | null>(null);
  const rulesRef = useRef(rules);
  rulesRef.current = rules;
  useEffect(() => {
    const s = new ArticleSession(id, contractBackend(actor), rulesRef.current);
    setSession(s);
    void s.load();
    return () => void s.close();
  }, [id, actor]);
  useEffect(() => session?.setRules(rules), [session, rules]);
  const snap = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? empty);
  return { session, snap };
}
