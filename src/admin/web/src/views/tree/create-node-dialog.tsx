import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adminApi } from '../../api/admin-api';
import type { CreateMode } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { childPath } from './tree-paths';

const MODES: ReadonlyArray<{ value: CreateMode; label: string }> = [
  { value: 'persistent', label: 'Persistent' },
  { value: 'persistent-sequential', label: 'Persistent sequential' },
  { value: 'container', label: 'Container' },
  { value: 'persistent-ttl', label: 'Persistent with TTL' },
];

export function CreateNodeDialog({
  parent,
  onClose,
  onCreated,
}: {
  parent: string;
  onClose: () => void;
  onCreated: (path: string) => void;
}) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [data, setData] = useState('');
  const [mode, setMode] = useState<CreateMode>('persistent');
  const [ttlMs, setTtlMs] = useState(60_000);
  const create = useMutation({
    mutationFn: () =>
      adminApi.createNode({
        path: childPath(parent, name),
        data,
        encoding: 'utf8',
        mode,
        ttlMs: mode === 'persistent-ttl' ? ttlMs : undefined,
      }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['children', parent] });
      onCreated(r.path);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <Modal title="New znode" onClose={onClose} testId="create-dialog">
      <form className="form" onSubmit={submit}>
        {create.isError && <ErrorBanner error={create.error} />}
        <label className="field">
          <span>Parent</span>
          <input value={parent} readOnly className="mono" />
        </label>
        <label className="field">
          <span>Name</span>
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. settings"
            autoFocus
            required
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Mode</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as CreateMode)}>
              {MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          {mode === 'persistent-ttl' && (
            <label className="field">
              <span>TTL (ms)</span>
              <input
                type="number"
                min={1}
                value={ttlMs}
                onChange={(e) => setTtlMs(Number(e.target.value))}
              />
            </label>
          )}
        </div>
        <label className="field">
          <span>Data</span>
          <textarea
            name="data"
            className="code-input"
            rows={6}
            value={data}
            onChange={(e) => setData(e.target.value)}
            placeholder='{"key": "value"}'
          />
        </label>
        <div className="modal-footer">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={create.isPending || !name}>
            Create
          </button>
        </div>
      </form>
    </Modal>
  );
}
