import type { AclJson } from '../../api/types';
import { Badge } from '../../components/badge';

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
    <table className="table" data-testid="node-acl">
      <thead>
        <tr>
          <th>Scheme</th>
          <th>Id</th>
          <th>Permissions</th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}
