// "Export" in Settings › House style: the set the checker runs for one language (the rules turned
// off left out) as a rule set file, written into the export folder like every other export; the
// file imports back as it is (importHouseStyle), so it is also how an admin edits the rules.
import { mkdir } from 'node:fs/promises';
import type { Language } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import { activeRuleSets } from '../../shared/style/activeRuleSets';
import type { RuleSet } from '../../shared/style/ruleSchema';
import { writeFileAtomic } from '../atomicWrite';
import { freeName } from '../files/freeName';

/** The file's data: the rule schema's shape, named for the outlet when it has a name. */
export function houseStyleFile(settings: Settings, language: Language): RuleSet {
  const set = activeRuleSets(settings)[language];
  const outlet = settings.outlet.trim() || set.outlet;
  return { version: set.version, ...(outlet ? { outlet } : {}), language, rules: set.rules };
}


export async function exportHouseStyle(settings: Settings, language: Language, outDir: string): Promise<{ path: string; rules: number }> {
  const file = houseStyleFile(settings, language);
  await mkdir(outDir, { recursive: true });
  const path = await freeName(outDir, `house-style-${language}`, '.json');
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
  return { path, rules: file.rules.length };
}
