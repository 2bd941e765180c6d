import { useVirtualizer } from '@tanstack/react-virtual';
import {
  ChevronDown,
  ChevronRight,
  Circle,
  FileText,
  Folder,
  FolderOpen,
  LoaderCircle,
} from 'lucide-react';
import { useRef } from 'react';
import { formatNumber } from '../../lib/format';
import type { TreeRow } from './use-tree-rows';

const ROW_HEIGHT = 30;

/** The tree as a virtual list: only the rows in view are in the page, however many there are. */
export function TreeNavigator({
  rows,
  selected,
  onSelect,
  onToggle,
  onMore,
}: {
  rows: TreeRow[];
  selected: string;
  onSelect: (path: string) => void;
  onToggle: (path: string) => void;
  onMore: (parent: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own state
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className="tree-scroll" ref={scroller} data-testid="tree">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = {
            transform: `translateY(${item.start}px)`,
            paddingLeft: 8 + row.depth * 16,
          };
          if (row.kind === 'loading') {
            return (
              <div key={item.key} className="tree-row muted" style={style}>
                <LoaderCircle size={14} className="spin" /> loading…
              </div>
            );
          }
          if (row.kind === 'more') {
            return (
              <button
                key={item.key}
                type="button"
                className="tree-row tree-more"
                style={style}
                onClick={() => onMore(row.parent)}
              >
                Show more ({formatNumber(row.remaining)} remaining)
              </button>
            );
          }
          const { node, expanded } = row;
          const hasChildren = node.numChildren > 0;
          const Icon = !hasChildren ? FileText : expanded ? FolderOpen : Folder;
          return (
            <div
              key={item.key}
              role="treeitem"
              aria-selected={node.path === selected}
              aria-expanded={hasChildren ? expanded : undefined}
              tabIndex={0}
              className={node.path === selected ? 'tree-row selected' : 'tree-row'}
              style={style}
              data-testid="tree-row"
              data-path={node.path}
              onClick={() => onSelect(node.path)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onSelect(node.path);
                if (e.key === 'ArrowRight' && !expanded && hasChildren) onToggle(node.path);
                if (e.key === 'ArrowLeft' && expanded) onToggle(node.path);
              }}
            >
              <button
                type="button"
                className="tree-toggle"
                aria-label={expanded ? 'Collapse' : 'Expand'}
                tabIndex={-1}
                disabled={!hasChildren}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggle(node.path);
                }}
              >
                {hasChildren && (expanded ? <ChevronDown size={14} /> : <ChevronRight size={14} />)}
              </button>
              <Icon size={15} className={hasChildren ? 'tree-icon folder' : 'tree-icon'} />
              <span className="tree-name">{node.name}</span>
              {node.ephemeral && (
                <Circle size={8} className="tree-ephemeral" aria-label="ephemeral" />
              )}
              {hasChildren && <span className="tree-count">{formatNumber(node.numChildren)}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
