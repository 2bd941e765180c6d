import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { NodeJson } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { formatNumber } from '../../lib/format';
import { parentOf } from './tree-paths';

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
  const remove = useMutation({
    mutationFn: () =>
      adminApi.deleteNode(
        node.path,
        recursive ? { recursive: true } : { version: node.stat.version },
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['children', parentOf(node.path)] });
      onDeleted();
    },
  });

  return (
    <Modal
      title="Delete znode"
      onClose={onClose}
      testId="delete-dialog"
      footer={
        <>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            disabled={remove.isPending || (hasChildren && !recursive)}
            onClick={() => remove.mutate()}
          >
            Delete
          </button>
        </>
      }
    >
      {remove.isError && <ErrorBanner error={remove.error} />}
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
    </Modal>
  );
}
