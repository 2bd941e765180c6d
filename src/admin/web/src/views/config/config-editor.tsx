import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, CircleX, Send } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { ConfigEntry } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { FormatSelect } from './format-select';
import { useValidation } from './use-validation';

/**
 * Edits a config key and publishes it over the version it was loaded at, after the server's
 * validation. A version published meanwhile replaces the text unless it was edited.
 */
export function ConfigEditor({ entry }: { entry: ConfigEntry }) {
  const client = useQueryClient();
  const [base, setBase] = useState(entry);
  const [draft, setDraft] = useState(entry.content);
  const [format, setFormat] = useState(entry.format);
  const dirty = draft !== base.content || format !== base.format;
  if (!dirty && entry.version > base.version) {
    setBase(entry);
    setDraft(entry.content);
    setFormat(entry.format);
  }
  const { checking, problem } = useValidation(format, draft);
  const publish = useMutation({
    mutationFn: () => adminApi.publishConfig(entry, draft, format, base.version),
    onSuccess: async (published) => {
      setBase(published);
      await client.invalidateQueries({ queryKey: ['config'] });
    },
  });

  return (
    <div className="editor" data-testid="config-editor">
      {publish.isError && <ErrorBanner error={publish.error} />}
      {dirty && entry.version > base.version && (
        <div className="banner banner-warning">
          Version {entry.version} was published while you edit version {base.version}: publishing
          will be refused.
        </div>
      )}
      <div className="editor-toolbar">
        <label className="inline-field">
          Format
          <FormatSelect value={format} onChange={setFormat} />
        </label>
        <span
          className={`validation ${checking ? 'checking' : problem ? 'invalid' : 'valid'}`}
          data-testid="config-validation"
        >
          {checking ? (
            'checking…'
          ) : problem ? (
            <>
              <CircleX size={14} /> {problem}
            </>
          ) : (
            <>
              <CircleCheck size={14} /> valid {format}
            </>
          )}
        </span>
      </div>
      <textarea
        className="code-input"
        aria-label="Config content"
        spellCheck={false}
        rows={14}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="editor-actions">
        <span className="muted small">
          {dirty ? `Edited from version ${base.version}` : `Version ${base.version}`}
        </span>
        <button
          type="button"
          className="button ghost"
          disabled={!dirty}
          onClick={() => {
            setDraft(base.content);
            setFormat(base.format);
          }}
        >
          Revert
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!dirty || checking || problem !== null || publish.isPending}
          onClick={() => publish.mutate()}
        >
          <Send size={16} /> Publish
        </button>
      </div>
    </div>
  );
}
