import { useQueryClient } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { NodeJson } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatNumber } from '../../lib/format';
import { parentOf } from '../../lib/znode-paths';

/** Deleting a node with children needs an explicit "everything below too". */
export function DeleteNodeDialog({
  node,
  onClose,
  onDeleted,
}: {
  node: NodeJson;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const client = useQueryClient();
  const hasChildren = node.stat.numChildren > 0;
  const [recursive, setRecursive] = useState(false);

  return (
    <ConfirmDialog
      title="Delete znode"
      testId="delete-dialog"
      confirmLabel="Delete"
      blocked={hasChildren && !recursive}
      action={() =>
        adminApi.deleteNode(
          node.path,
          recursive ? { recursive: true } : { version: node.stat.version },
        )
      }
      onDone={async () => {
        await client.invalidateQueries({ queryKey: ['children', parentOf(node.path)] });
        onDeleted();
      }}
      onClose={onClose}
    >
      <p>
        Delete <code>{node.path}</code>? This cannot be undone.
      </p>
      {hasChildren && (
        <div className="banner banner-warning">
          <TriangleAlert size={18} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={recursive}
              onChange={(e) => setRecursive(e.target.checked)}
            />
            Also delete its {formatNumber(node.stat.numChildren)} children and everything below
            them, in one transaction
          </label>
        </div>
      )}
    </ConfirmDialog>
  );
}
