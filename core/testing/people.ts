// Tests and benches need someone to act as: the first person of an empty library is its admin.
import type { Core } from '../createCore';
import type { Role } from '../../shared/model/person';

export async function addPerson(core: Core, name: string, role: Role, actor: string | null = null, desk = '산업부'): Promise<string> {
  const person = await core.handlers.savePerson({ actor, person: { name, role, desk, email: '', bylineName: name, bylineRole: '기자', active: true } });
  return person.id;
}

/** The library's first person, an admin who may do everything. */
export function addAdmin(core: Core): Promise<string> {
  return addPerson(core, '관리자', 'admin');
}
