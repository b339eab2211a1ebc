// Every photo in the article with what is missing: caption, credit, alt text, or size for the web.
// A warning is a button that takes the user to the field that needs writing. Photos can be added
// here by button, folder, or by dropping files on the panel.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import type { Language } from '../../../shared/model/article';
import type { PhotoInfo } from '../../../shared/model/photo';
import type { PhotoSettings } from '../../../shared/model/settings';
import { figureWarnings, type FigureWarning } from '../../../shared/photos/figureWarnings';
import { renderCaption } from '../../../shared/photos/renderCaption';
import { photoUrl } from '../../../shared/photos/photoUrl';
import { useFigures, type PlacedFigure } from './useFigures';
import { focusNow } from '../editor/focusNow';

/** Puts the user where the warning can be fixed (the checklist's photo places come here too). */
export function jumpTo(editor: Editor, figure: Pick<PlacedFigure, 'pos'>, warning: FigureWarning | 'open') {
  const dom = editor.view.nodeDOM(figure.pos) as HTMLElement | null;
  dom?.scrollIntoView({ block: 'center' });
  if (warning === 'noPhoto') {
    dom?.querySelector<HTMLButtonElement>('[data-testid="figure-add-photo"]')?.focus();
  } else if (warning === 'noCredit' || warning === 'noAlt') {
    dom?.querySelector<HTMLInputElement>(warning === 'noCredit' ? '[data-testid="figure-credit"]' : '[data-testid="figure-alt"]')?.focus();
  } else if (warning === 'noCaption' || warning === 'open') {
    editor.chain().setTextSelection(figure.pos + 2).scrollIntoView().run();
    focusNow(editor);
  } else {
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, figure.pos)));
    editor.view.focus();
  }
}

function FileInfo({ photo }: { photo: PhotoInfo }) {
  const { t } = useTranslation();
  const m = photo.metadata;
  const rows = (['caption', 'creator', 'credit', 'copyright', 'headline', 'dateCreated', 'city', 'keywords'] as const)
    .map((k) => [k, Array.isArray(m[k]) ? (m[k] as string[]).join(', ') : (m[k] as string)] as const)
    .filter(([, v]) => v);
  return (
    <details className="photo-card__file" data-testid="photo-file-info">
      <summary>{t('photos.fileInfo')} · {t('photos.size', { width: photo.width, height: photo.height })}</summary>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{t(`photos.fields.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {m.iimTruncated.length > 0 && <p className="photo-card__note">{t('photos.truncatedIim', { fields: m.iimTruncated.map((f) => t(`photos.fields.${f}`)).join(', ') })}</p>}
    </details>
  );
}

export function PhotoPanel(props: {
  editor: Editor | null;
  language: Language;
  settings: PhotoSettings;
  mediaBase: string;
  onFiles(files: File[], opts?: { onlyImages?: boolean }): void;
  /** The copy is read-only for this person: the panel shows, but takes no photos. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { figures, photos } = useFigures(props.editor);
  const [dragging, setDragging] = useState(false);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const pattern = props.settings.creditPattern[props.language];

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0 && !props.readOnly) props.onFiles([...e.dataTransfer.files]);
  };

  return (
    <section
      className={`photo-panel${dragging ? ' is-dragging' : ''}`}
      aria-label={t('photos.title')}
      data-testid="photo-panel"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2>{t('photos.title')}</h2>
      {!props.readOnly && (
      <div className="photo-panel__actions">
        <button type="button" data-testid="add-photos" onClick={() => files.current?.click()}>{t('photos.add')}</button>
        <button type="button" data-testid="add-photo-folder" onClick={() => folder.current?.click()}>{t('photos.addFolder')}</button>
        <input
          ref={files}
          type="file"
          accept="image/*"
          multiple
          hidden
          data-testid="photo-input"
          onChange={(e) => {
            props.onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={(el) => {
            folder.current = el;
            // React does not know these attributes; they make the picker choose a folder.
            el?.setAttribute('webkitdirectory', '');
            el?.setAttribute('directory', '');
          }}
          type="file"
          multiple
          hidden
          data-testid="photo-folder-input"
          onChange={(e) => {
            props.onFiles([...(e.target.files ?? [])], { onlyImages: true });
            e.target.value = '';
          }}
        />
      </div>
      )}
      {!props.readOnly && <p className="photo-panel__drop">{t('photos.dropHere')}</p>}
      {figures.length === 0 && <p className="photo-panel__empty">{t('photos.none')}</p>}
      <ol className="photo-panel__list">
        {figures.map((f) => {
          const photo = photos.get(f.photoId);
          const warnings = figureWarnings(f, photo, props.settings.minWidth);
          const thumb = photoUrl(props.mediaBase, f.photoId, 'thumb');
          return (
            <li key={`${f.pos}-${f.photoId}`} className="photo-card" data-testid="photo-card">
              <button type="button" className="photo-card__thumb" onClick={() => props.editor && jumpTo(props.editor, f, 'open')} aria-label={f.caption || t('photos.warnings.noCaption')}>
                {thumb ? <img src={thumb} alt="" loading="lazy" /> : <span className="photo-card__no-photo" data-testid="photo-card-no-photo">{t('photos.warnings.noPhoto')}</span>}
              </button>
              <div className="photo-card__body">
                <p className="photo-card__preview" data-testid="caption-preview" title={t('photos.preview')}>
                  {renderCaption(f.caption, f.credit, pattern) || '—'}
                </p>
                <ul className="photo-card__warnings">
                  {warnings.map((w) => (
                    <li key={w}>
                      <button type="button" className="warning" data-testid={`photo-warning-${w}`} onClick={() => props.editor && jumpTo(props.editor, f, w)}>
                        {t(`photos.warnings.${w}`, { width: photo?.width ?? 0, min: props.settings.minWidth })}
                      </button>
                    </li>
                  ))}
                  {warnings.length === 0 && <li className="photo-card__ok">{t('photos.ok')}</li>}
                </ul>
                {photo && <FileInfo photo={photo} />}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
