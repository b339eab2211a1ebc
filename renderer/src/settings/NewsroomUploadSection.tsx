// Settings → Newsroom, for a local library's admin: where "upload this library to a newsroom"
// lives. A library bound to a newsroom has no stories of its own to send, so it shows nothing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useMe } from '../people/MeContext';
import { UploadLibraryDialog } from '../newsroom/UploadLibraryDialog';

export function NewsroomUploadSection() {
  const { t } = useTranslation();
  const { me } = useMe();
  const [local, setLocal] = useState<{ stories: number } | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let gone = false;
    call('getLibraryInfo', {}).then((info) => !gone && setLocal(info.newsroom === null ? { stories: info.articleCount } : null), () => undefined);
    return () => {
      gone = true;
    };
  }, [open]);
  if (!local || me.role !== 'admin') return null;
  return (
    <section className="settings__section" data-testid="newsroom-upload-settings">
      <div className="settings__head">
        <h2>{t('newsroom.upload.section')}</h2>
      </div>
      <p className="muted">{t('newsroom.upload.sectionHelp')}</p>
      <button type="button" data-testid="upload-library-open" onClick={() => setOpen(true)}>{t('newsroom.upload.open')}</button>
      {open && <UploadLibraryDialog stories={local.stories} onClose={() => setOpen(false)} />}
    </section>
  );
}
