import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adminApi } from '../../api/admin-api';
import type { ConfigFormat, ConfigKey } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { FormatSelect } from './format-select';

export function NewKeyDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (k: ConfigKey) => void;
}) {
  const client = useQueryClient();
  const [k, setK] = useState<ConfigKey>({ namespace: 'default', group: 'DEFAULT_GROUP', key: '' });
  const [format, setFormat] = useState<ConfigFormat>('json');
  const [content, setContent] = useState('{}');
  const create = useMutation({
    mutationFn: () => adminApi.publishConfig(k, content, format, -1),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['config'] });
      onCreated(k);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const field = (name: keyof ConfigKey, label: string) => (
    <Field label={label}>
      <input
        name={name}
        value={k[name]}
        required
        onChange={(e) => setK({ ...k, [name]: e.target.value })}
      />
    </Field>
  );
  return (
    <Modal title="New config key" onClose={onClose} testId="new-key-dialog">
      <form className="form" onSubmit={submit}>
        {create.isError && <ErrorBanner error={create.error} />}
        <div className="field-row">
          {field('namespace', 'Namespace')}
          {field('group', 'Group')}
        </div>
        <div className="field-row">
          {field('key', 'Key')}
          <Field label="Format">
            <FormatSelect value={format} onChange={setFormat} />
          </Field>
        </div>
        <Field label="Content">
          <textarea
            className="code-input"
            rows={8}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
        </Field>
        <div className="modal-footer">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={create.isPending || !k.key}>
            Publish
          </button>
        </div>
      </form>
    </Modal>
  );
}
