// Tray and Menu: the tray's icon, tooltip and context menu are recorded (a text dump the test saves and reads), and
// a menu item is clicked by its label path, as a user picks it ("Recent › news › Stop").
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { emit, onCommand } from './control.js';

interface Item {
  label?: string;
  type?: string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  role?: string;
  click?: (...args: unknown[]) => void;
  submenu?: Menu | Item[];
}

export class Menu {
  constructor(readonly items: Item[] = []) {}

  static buildFromTemplate(template: (Electron.MenuItemConstructorOptions | Electron.MenuItem)[]): Menu {
    const toItem = (entry: Item): Item => ({
      ...entry,
      submenu:
        entry.submenu === undefined
          ? undefined
          : entry.submenu instanceof Menu
            ? entry.submenu
            : entry.submenu.map(toItem),
    });
    return new Menu((template as Item[]).map(toItem));
  }

  static setApplicationMenu(menu: Menu | null): void {
    emit({ type: 'application-menu', items: menu === null ? null : dump(menu.items) });
  }
}

const children = (item: Item): Item[] => (item.submenu instanceof Menu ? item.submenu.items : (item.submenu ?? []));

/** One line per item, submenus indented: what a user reads when the menu is open. */
function dump(items: Item[], depth = 0): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (item.visible === false) continue;
    const indent = '  '.repeat(depth);
    if (item.type === 'separator') lines.push(`${indent}----`);
    else lines.push(`${indent}${item.label ?? item.role ?? '?'}${item.enabled === false ? '  (disabled)' : ''}`);
    lines.push(...dump(children(item), depth + 1));
  }
  return lines;
}

let current: Tray | null = null;

export class Tray extends EventEmitter {
  private menu: Menu | null = null;
  private destroyed = false;

  constructor(image: string) {
    super();
    // The one tray a user sees: the commands below act on it.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    current = this;
    emit({ type: 'tray-created', image: String(image) });
  }

  setContextMenu(menu: Menu | null): void {
    this.menu = menu;
    emit({ type: 'tray-menu', lines: menu === null ? [] : dump(menu.items) });
  }

  setToolTip(text: string): void {
    emit({ type: 'tray-tooltip', text });
  }

  setImage(image: string): void {
    emit({ type: 'tray-image', image: String(image) });
  }

  setTitle(): void {}

  popUpContextMenu(): void {}

  destroy(): void {
    this.destroyed = true;
    if (current === this) current = null;
    emit({ type: 'tray-destroyed' });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A user picks the item at `path` (labels from the top level down). */
  pick(path: string[]): void {
    let items = this.menu?.items ?? [];
    let found: Item | undefined;
    for (const label of path) {
      found = items.find((item) => item.label === label && item.visible !== false);
      if (found === undefined)
        throw new Error(`stand-in: no tray item "${label}" in: ${items.map((item) => item.label ?? '-').join(' | ')}`);
      items = children(found);
    }
    if (found === undefined || found.enabled === false)
      throw new Error(`stand-in: tray item ${path.join(' › ')} is disabled`);
    found.click?.(found, undefined, {});
  }
}

onCommand('tray-pick', ({ path }) => {
  if (current === null) throw new Error('stand-in: there is no tray');
  current.pick(path as string[]);
});
onCommand('tray-click', () => {
  if (current === null) throw new Error('stand-in: there is no tray');
  current.emit('click', {}, {});
});
