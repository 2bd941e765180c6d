import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adminApi } from '../../api/admin-api';
import type { DashboardCreateMode } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { childPath } from '../../lib/znode-paths';

const MODES: ReadonlyArray<{ value: DashboardCreateMode; label: string }> = [
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
  const [mode, setMode] = useState<DashboardCreateMode>('persistent');
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
        <Field label="Parent">
          <input value={parent} readOnly className="mono" />
        </Field>
        <Field label="Name">
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. settings"
            autoFocus
            required
          />
        </Field>
        <div className="field-row">
          <Field label="Mode">
            <select value={mode} onChange={(e) => setMode(e.target.value as DashboardCreateMode)}>
              {MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          {mode === 'persistent-ttl' && (
            <Field label="TTL (ms)">
              <input
                type="number"
                min={1}
                value={ttlMs}
                onChange={(e) => setTtlMs(Number(e.target.value))}
              />
            </Field>
          )}
        </div>
        <Field label="Data">
          <textarea
            name="data"
            className="code-input"
            rows={6}
            value={data}
            onChange={(e) => setData(e.target.value)}
            placeholder='{"key": "value"}'
          />
        </Field>
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
