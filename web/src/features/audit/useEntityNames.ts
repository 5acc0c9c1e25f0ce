import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../auth/session';
import { recipientsQuery, topicsQuery } from '../directory/directory.api';
import { territoryQuery } from '../territory/territory.api';
import { rolesQuery, usersQuery } from '../users/users.api';

/**
 * id → name for everything the journal can point at, from the lists the user may read anyway
 * (cached queries; a list the user may not read is simply not used).
 */
export function useEntityNames(): (id: string) => string | undefined {
  const me = useMe();
  const read = me.permissions.includes('directory.read');
  const territory = useQuery({ ...territoryQuery, enabled: read });
  const recipients = useQuery({ ...recipientsQuery, enabled: read });
  const topics = useQuery({ ...topicsQuery, enabled: read });
  const roles = useQuery({ ...rolesQuery, enabled: read });
  const users = useQuery({ ...usersQuery, enabled: me.permissions.includes('users.manage') });
  const map = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of territory.data?.settlements ?? []) m.set(s.id, s.name);
    for (const l of territory.data?.localities ?? []) m.set(l.id, l.name);
    for (const r of recipients.data ?? []) m.set(r.id, r.shortName || r.name);
    for (const b of topics.data?.blocks ?? []) m.set(b.id, b.name);
    for (const x of topics.data?.items ?? []) m.set(x.id, x.name);
    for (const r of roles.data?.items ?? []) m.set(r.code, r.name);
    for (const u of users.data ?? []) m.set(u.id, u.fullName);
    return m;
  }, [territory.data, recipients.data, topics.data, roles.data, users.data]);
  return (id: string) => map.get(id);
}
