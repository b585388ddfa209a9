import type { RankedGroup } from './rank';
import type { SearchItem } from './search-items';

/** A row of the palette's virtualized list. */
export type PaletteRow =
  | { type: 'heading'; key: string; label: string }
  | { type: 'item'; key: string; item: SearchItem; position: number }
  | { type: 'more'; key: string; text: string };

/** Heading, items and "N more" note of every group, as one flat list; `position` counts items only. */
export function flattenGroups(groups: readonly RankedGroup[]): {
  rows: PaletteRow[];
  itemCount: number;
} {
  const rows: PaletteRow[] = [];
  let position = 0;
  for (const group of groups) {
    rows.push({
      type: 'heading',
      key: `heading:${group.id}`,
      label: group.label,
    });
    for (const item of group.items) {
      position += 1;
      rows.push({
        type: 'item',
        key: `${group.id}|${item.key}`,
        item,
        position,
      });
    }
    const hidden = group.total - group.items.length;
    if (hidden > 0) {
      rows.push({
        type: 'more',
        key: `more:${group.id}`,
        text: `${hidden.toLocaleString('en')} more ${group.label.toLowerCase()}: type more to narrow the list`,
      });
    }
  }
  return { rows, itemCount: position };
}
