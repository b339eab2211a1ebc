import { describe, expect, it } from 'vitest';
import { BACKUP_REASONS } from '../../../shared/contract/errors';
import { BackupArticleStateSchema, BackupReasonSchema } from '../../../shared/model/backup';
import { ko } from '../i18n/ko';
import { en } from '../i18n/en';

describe('backup sentences', () => {
  it('has a sentence for every reason a backup task is refused, every kind of snapshot and every comparison', () => {
    for (const lang of [ko, en]) {
      expect(Object.keys(lang.backups.errors).sort()).toEqual([...BACKUP_REASONS].sort());
      expect(Object.keys(lang.backups.reason).sort()).toEqual([...BackupReasonSchema.options].sort());
      expect(Object.keys(lang.backups.state).sort()).toEqual([...BackupArticleStateSchema.options].sort());
      expect(lang.errors.backupFailed).not.toBe('');
    }
  });
});
