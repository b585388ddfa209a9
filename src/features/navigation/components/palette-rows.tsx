import { Command } from 'cmdk';
import { useImperativeHandle, useRef, type MouseEvent, type Ref } from 'react';
import { Icon, type IconName } from '@/components/layout/icons';
import { StatusIcon } from '@/components/ui/status-badge';
import { useListVirtualizer } from '@/hooks/use-list-virtualizer';
import type { PaletteRow } from '../utils/palette-rows';
import {
  itemDetail,
  type ItemKind,
  type SearchItem,
} from '../utils/search-items';

const KIND: Record<ItemKind, { icon: IconName; word: string }> = {
  app: { icon: 'apps', word: 'application' },
  env: { icon: 'env', word: 'environment' },
  workload: { icon: 'profiles', word: 'workload' },
  deployment: { icon: 'recent', word: 'deployment' },
  profile: { icon: 'profiles', word: 'workload profile' },
  pipeline: { icon: 'pipelines', word: 'pipeline' },
  run: { icon: 'pipelines', word: 'pipeline run' },
  approval: {
    icon: 'pipelines',
    word: 'pipeline run waiting for your approval',
  },
  page: { icon: 'settings', word: 'page' },
  action: { icon: 'keyboard', word: 'action' },
};

export interface PaletteRowsHandle {
  scrollToKey(key: string): void;
}

interface PaletteRowsProps {
  rows: readonly PaletteRow[];
  itemCount: number;
  onSelect: (item: SearchItem, newTab?: boolean) => void;
  handleRef?: Ref<PaletteRowsHandle>;
}

const HEIGHT = { heading: 28, item: 36, more: 30 } as const;

/** The palette's results, virtualized: cmdk options between group headings. */
export function PaletteRows({
  rows,
  itemCount,
  onSelect,
  handleRef,
}: PaletteRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useListVirtualizer({
    count: rows.length,
    scrollRef,
    rowHeight: (i) => HEIGHT[rows[i].type],
    fallbackHeight: 420,
    overscan: 10,
  });
  useImperativeHandle(handleRef, () => ({
    scrollToKey: (key) => {
      const index = rows.findIndex((r) => r.key === key);
      if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
  }));

  const newTab = (item: SearchItem) => (event: MouseEvent) => {
    if (
      event.type === 'auxclick'
        ? event.button !== 1
        : !(event.ctrlKey || event.metaKey)
    )
      return;
    event.preventDefault();
    event.stopPropagation();
    onSelect(item, true);
  };

  return (
    // The scroll area is in the tab order so the list can be scrolled from the keyboard
    // without the input (arrow keys still move the selection).
    <div
      ref={scrollRef}
      className="palette__scroll"
      tabIndex={0}
      role="group"
      aria-label="Results"
    >
      <Command.List label="Results" className="palette__list">
        <div
          className="palette__sizer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            const style = { top: v.start, height: v.size };
            if (row.type === 'heading') {
              return (
                <div
                  key={row.key}
                  className="palette__heading"
                  style={style}
                  aria-hidden="true"
                >
                  {row.label}
                </div>
              );
            }
            if (row.type === 'more') {
              return (
                <div
                  key={row.key}
                  className="palette__more"
                  style={style}
                  aria-hidden="true"
                >
                  {row.text}
                </div>
              );
            }
            const { item } = row;
            const detail = itemDetail(item);
            return (
              <Command.Item
                key={row.key}
                value={row.key}
                className="palette__item"
                style={style}
                aria-setsize={itemCount}
                aria-posinset={row.position}
                onSelect={() => onSelect(item)}
                onClickCapture={newTab(item)}
                onAuxClick={newTab(item)}
              >
                {item.status ? (
                  <StatusIcon tone={item.status.tone} />
                ) : (
                  <Icon name={item.icon ?? KIND[item.kind].icon} />
                )}
                <span className="palette__label">{item.label}</span>
                {item.status && (
                  <span
                    className={`palette__status palette__status--${item.status.tone}`}
                  >
                    {item.status.label}
                  </span>
                )}
                {detail && <span className="palette__detail">{detail}</span>}
                <span className="visually-hidden">
                  , {KIND[item.kind].word}
                </span>
              </Command.Item>
            );
          })}
        </div>
      </Command.List>
    </div>
  );
}
