import type { AclJson } from '../../api/types';
import { Badge } from '../../components/badge';
import { Table } from '../../components/table';

const PERMS: Array<[string, string]> = [
  ['r', 'read'],
  ['w', 'write'],
  ['c', 'create'],
  ['d', 'delete'],
  ['a', 'admin'],
];

export function AclTable({ acl }: { acl: AclJson[] | null }) {
  if (!acl)
    return <p className="muted pad">The node&apos;s ACL does not let the dashboard read it.</p>;
  return (
    <Table columns={['Scheme', 'Id', 'Permissions']} testId="node-acl">
      {acl.map((a) => (
        <tr key={`${a.scheme}:${a.id}`}>
          <td>
            <Badge tone="blue">{a.scheme}</Badge>
          </td>
          <td className="mono">{a.id}</td>
          <td className="perm-list">
            {PERMS.map(([letter, name]) =>
              a.perms.includes(letter) ? (
                <Badge key={letter} tone="green">
                  {name}
                </Badge>
              ) : null,
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
