import { FileCog, FolderClosed, Layers } from 'lucide-react';
import type { ConfigKey, NamespaceJson } from '../../api/types';

const same = (a: ConfigKey | undefined, b: ConfigKey) =>
  a?.namespace === b.namespace && a.group === b.group && a.key === b.key;

/** Namespaces, their groups and keys, as a list to pick a key from. */
export function ConfigKeys({
  tree,
  selected,
  onSelect,
}: {
  tree: NamespaceJson[];
  selected: ConfigKey | undefined;
  onSelect: (k: ConfigKey) => void;
}) {
  return (
    <div className="config-keys" data-testid="config-keys">
      {tree.map((ns) => (
        <div key={ns.name} className="config-ns">
          <div className="config-ns-name">
            <Layers size={14} /> {ns.name}
          </div>
          {ns.groups.map((g) => (
            <div key={g.name} className="config-group">
              <div className="config-group-name">
                <FolderClosed size={13} /> {g.name}
              </div>
              {g.keys.map((key) => {
                const k = { namespace: ns.name, group: g.name, key };
                return (
                  <button
                    key={key}
                    type="button"
                    className={same(selected, k) ? 'config-key active' : 'config-key'}
                    onClick={() => onSelect(k)}
                  >
                    <FileCog size={13} /> {key}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
