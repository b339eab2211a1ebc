// Tags as chips: Enter or a comma adds, Backspace on an empty field removes the last one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TagsInput({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = (value: string) => {
    const tag = value.trim().replace(/,$/, '').trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="tags">
      <label htmlFor="tags-input">{t('article.tags')}</label>
      <div className="tags__box">
        {tags.map((tag) => (
          <span key={tag} className="chip" data-testid="tag-chip">
            {tag}
            <button type="button" aria-label={t('article.removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>×</button>
          </span>
        ))}
        <input
          id="tags-input"
          data-testid="tags-input"
          value={draft}
          placeholder={t('article.tagsPlaceholder')}
          onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setDraft(e.target.value))}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return; // Enter that ends a Hangul composition is not "add"
            if (e.key === 'Enter') {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => draft && add(draft)}
        />
      </div>
    </div>
  );
}
