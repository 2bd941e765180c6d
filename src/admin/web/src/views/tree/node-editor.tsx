import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save, X } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { ApiError } from '../../api/http';
import type { NodeJson } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { asText, base64ToBytes } from '../../lib/data-format';

/**
 * Edits a node's data at the version it had when editing began: if anyone changes the node
 * meanwhile, the server refuses the save with BadVersion, and nothing is overwritten unseen.
 */
export function NodeEditor({
  node,
  current,
  onDone,
}: {
  /** The node as it was when editing began. */
  node: NodeJson;
  /** The node as it is now (live), to tell the editor it changed. */
  current: NodeJson | undefined;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const text = asText(base64ToBytes(node.data));
  const encoding = text === undefined ? 'base64' : 'utf8';
  const [draft, setDraft] = useState(text ?? node.data);
  const [baseVersion, setBaseVersion] = useState(node.stat.version);
  const save = useMutation({
    mutationFn: () =>
      adminApi.setData({ path: node.path, data: draft, encoding, version: baseVersion }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['node', node.path] });
      onDone();
    },
  });
  const changedMeanwhile = current !== undefined && current.stat.version !== baseVersion;
  const conflict = save.error instanceof ApiError && save.error.code === 'BadVersion';

  return (
    <div className="editor" data-testid="node-editor">
      {save.isError && (
        <ErrorBanner error={save.error}>
          {conflict && (
            <>
              Someone changed this node after you began editing (you edited version {baseVersion}
              {current ? `, it is now at version ${current.stat.version}` : ''}). Your text is kept:
              discard it to see their version, or save it over theirs.
              <div className="banner-actions">
                <button type="button" className="button small" onClick={onDone}>
                  Discard my edit
                </button>
                {current && (
                  <button
                    type="button"
                    className="button small danger"
                    onClick={() => {
                      setBaseVersion(current.stat.version);
                      save.reset();
                    }}
                  >
                    Use version {current.stat.version} and save again
                  </button>
                )}
              </div>
            </>
          )}
        </ErrorBanner>
      )}
      {changedMeanwhile && !save.isError && (
        <div className="banner banner-warning" data-testid="changed-meanwhile">
          This node changed while you are editing (now version {current.stat.version}); saving will
          be refused.
        </div>
      )}
      {encoding === 'base64' && <p className="muted small">Binary data: edit it as base64.</p>}
      <textarea
        className="code-input"
        aria-label="Node data"
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={14}
      />
      <div className="editor-actions">
        <span className="muted small">Saving at version {baseVersion}</span>
        <button type="button" className="button ghost" onClick={onDone}>
          <X size={16} /> Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={save.isPending}
          onClick={() => save.mutate()}
        >
          <Save size={16} /> Save
        </button>
      </div>
    </div>
  );
}
