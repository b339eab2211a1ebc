// Library settings: UI language and the house byline templates. Templates are data so a desk can
// express its own house style without a code change.
import { z } from 'zod';
import { LanguageSchema } from './article';
import { defaultPermissions, type PermissionTable } from '../workflow/transitions';
import { PermissionTableSchema } from '../workflow/workflowSchemas';
import { ChecklistSettingsSchema, defaultChecklist } from '../workflow/checklist';
import { defaultHouseStyle, HouseStylePatchSchema, HouseStyleSettingsSchema, patchHouseStyle } from './houseStyle';

/** 2: the wire template (`ko-wire`) reads its place from the article's dateline, not the desk. */
export const SETTINGS_SCHEMA_VERSION = 2;

/**
 * A byline template. `pattern` holds the placeholders {outlet}, {desk}, {dateline} and {reporters}; a part
 * wrapped in <angle brackets> is dropped when any placeholder inside it is empty, so
 * `[{outlet}<={desk}> {reporters}]` prints `[한빛경제=산업부 김하늘ㆍ박도윤 기자]`, or
 * `[한빛경제 김하늘 기자]` without a desk.
 */
export const BylineTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  language: LanguageSchema,
  pattern: z.string().min(1).max(300),
  /** Between reporter names (ㆍ in Korean, ", " in English). */
  separator: z.string().max(10),
  /** Before the last name (" and " in English); empty means `separator`. */
  lastSeparator: z.string().max(10),
  /** `suffix`: the role follows the names, shared by neighbours with the same role (김하늘ㆍ박도윤 기자). `none`: names only. */
  roleStyle: z.enum(['suffix', 'none']),
});
export type BylineTemplate = z.infer<typeof BylineTemplateSchema>;

export const UiLanguageSchema = z.enum(['system', 'ko', 'en']);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

/** Photo rules. `creditPattern` is the house shape of a caption's credit, with {credit} in it. */
export const PhotoSettingsSchema = z.object({
  minWidth: z.number().int().min(0).max(20000),
  maxFileMB: z.number().int().min(1).max(500),
  creditPattern: z.object({ ko: z.string().max(100), en: z.string().max(100) }),
});
export type PhotoSettings = z.infer<typeof PhotoSettingsSchema>;

export function defaultPhotoSettings(): PhotoSettings {
  return { minWidth: 1000, maxFileMB: 50, creditPattern: { ko: '[사진={credit}]', en: '(Photo: {credit})' } };
}

/** The desk's rules: who may do what (a table an admin edits) and the pre-approval checklist. */
export const WorkflowSettingsSchema = z.object({
  permissions: PermissionTableSchema.transform((t) => ({ ...defaultPermissions(), ...t }) as PermissionTable),
  checklist: ChecklistSettingsSchema,
});
export type WorkflowSettings = z.infer<typeof WorkflowSettingsSchema>;

export function defaultWorkflowSettings(): WorkflowSettings {
  return { permissions: defaultPermissions(), checklist: defaultChecklist() };
}

/**
 * Rolling library backups: the newest snapshot of each of the last `hourly` hours, `daily` days
 * and `weekly` weeks is kept (see core/backup/prunePolicy.ts); `enabled` is the hourly schedule.
 */
export const BackupSettingsSchema = z.object({
  enabled: z.boolean(),
  hourly: z.number().int().min(0).max(24 * 14),
  daily: z.number().int().min(0).max(366),
  weekly: z.number().int().min(0).max(520),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export function defaultBackupSettings(): BackupSettings {
  return { enabled: true, hourly: 24, daily: 7, weekly: 12 };
}

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  uiLanguage: UiLanguageSchema,
  defaultArticleLanguage: LanguageSchema,
  bylineTemplates: z.array(BylineTemplateSchema).min(1).max(50),
  defaultTemplateIds: z.object({ ko: z.string(), en: z.string() }),
  // Settings files from before photos existed get the defaults instead of being refused.
  photos: PhotoSettingsSchema.default(defaultPhotoSettings),
  workflow: WorkflowSettingsSchema.default(defaultWorkflowSettings),
  /** The house's name as bylines print it (한빛경제); every new article starts with it. */
  outlet: z.string().max(200).default(''),
  /** Where exports are written; empty means the `exports` folder inside the library. */
  exportDir: z.string().max(1000).default(''),
  backups: BackupSettingsSchema.default(defaultBackupSettings),
  /** House-style rules per language and the newsroom's word list (shared/model/houseStyle.ts). */
  houseStyle: HouseStyleSettingsSchema.default(defaultHouseStyle),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** An absolute folder (POSIX, drive letter or UNC), or empty for the default: a relative path would depend on where the app started. */
const ExportDirSchema = z
  .string()
  .max(1000)
  .refine((v) => v.trim() === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v.trim()), 'export folder must be an absolute path');

// `photos`, `workflow`, `outlet`, `exportDir` and `backups` are re-added without their defaults: a patch that leaves them out must not reset them.
// `houseStyle` takes its own patch (houseStyle.ts): rules on and off, the default set back, the word list; never a set.
export const SettingsPatchSchema = SettingsSchema.omit({ schemaVersion: true, photos: true, workflow: true, outlet: true, exportDir: true, backups: true, houseStyle: true })
  .partial()
  .extend({
    photos: PhotoSettingsSchema.optional(),
    workflow: WorkflowSettingsSchema.optional(),
    outlet: z.string().max(200).optional(),
    exportDir: ExportDirSchema.optional(),
    backups: BackupSettingsSchema.optional(),
    houseStyle: HouseStylePatchSchema.optional(),
  });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The settings after a patch (each key replaced, the house style patched), checked whole. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const { houseStyle, ...rest } = patch;
  return SettingsSchema.parse({ ...current, ...rest, houseStyle: houseStyle ? patchHouseStyle(current.houseStyle, houseStyle) : current.houseStyle });
}

export const DEFAULT_BYLINE_TEMPLATES: BylineTemplate[] = [
  { id: 'ko-bracket-desk', name: '[매체=부서 기자]', language: 'ko', pattern: '[{outlet}<={desk}> {reporters}]', separator: 'ㆍ', lastSeparator: '', roleStyle: 'suffix' },
  { id: 'ko-wire', name: '(지역=매체) 기자 =', language: 'ko', pattern: '(<{dateline}=>{outlet}) {reporters} =', separator: 'ㆍ', lastSeparator: '', roleStyle: 'suffix' },
  { id: 'ko-bracket', name: '[매체 기자]', language: 'ko', pattern: '[{outlet} {reporters}]', separator: 'ㆍ', lastSeparator: '', roleStyle: 'suffix' },
  { id: 'en-by', name: 'By A and B', language: 'en', pattern: 'By {reporters}', separator: ', ', lastSeparator: ' and ', roleStyle: 'none' },
];

export function defaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    uiLanguage: 'system',
    defaultArticleLanguage: 'ko',
    bylineTemplates: DEFAULT_BYLINE_TEMPLATES.map((t) => ({ ...t })),
    defaultTemplateIds: { ko: 'ko-bracket-desk', en: 'en-by' },
    photos: defaultPhotoSettings(),
    workflow: defaultWorkflowSettings(),
    outlet: '',
    exportDir: '',
    backups: defaultBackupSettings(),
    houseStyle: defaultHouseStyle(),
  };
}

/**
 * Settings that belong to one machine, not to a newsroom: the language its screen shows, where it
 * writes exports and how it keeps backups of its folder. A library bound to a newsroom keeps these
 * locally (one person choosing English does not switch the newsroom) and takes the rest from the server.
 */
export const MACHINE_SETTINGS = ['uiLanguage', 'exportDir', 'backups'] as const satisfies readonly (keyof Settings)[];
