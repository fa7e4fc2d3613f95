// The tray as a service (docs/style.md §11): `render(state)` is idempotent — it touches the native tray only when the
// menu, tooltip or icon actually changed. The tray and the native menu come from injected factories.
import type { StreamKey } from '../../shared/domain.js';
import type { ViewName } from '../../shared/ipc/contract.js';
import { assertNever } from '../../shared/result.js';
import {
  buildTrayMenu,
  trayStatus,
  trayTooltip,
  type TrayAction,
  type TrayLabels,
  type TrayMenuItem,
  type TrayStatus,
} from './tray-menu.js';
import type { TrayState } from './tray-state.js';

/** The part of Electron's Tray used here. */
export interface TrayLike {
  setContextMenu(menu: unknown): void;
  setToolTip(text: string): void;
  setImage(icon: string): void;
  on(event: 'click', listener: () => void): void;
  destroy(): void;
}

/** An item of Electron's MenuItemConstructorOptions, the subset we produce. */
export interface NativeMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  enabled?: boolean;
  click?: () => void;
  submenu?: NativeMenuItem[];
}

/** What the menu items do; main wires them to the services and the window. */
export interface TrayActions {
  quickRecord(stream: StreamKey, profile: string | null, minutes: number): void;
  recordUntil(stream: StreamKey, profile: string | null): void;
  stop(id: string, profile: string | null): void;
  /** Stops every link of a recording made by the scheduler. */
  stopRecording(recordingId: string, profile: string | null): void;
  open(view: ViewName | null): void;
  copyDiagnostics(): void;
  quit(): void;
}

export interface TrayServiceDeps {
  /** `(icon) => new Tray(icon)`. */
  createTray(icon: string): TrayLike;
  /** `Menu.buildFromTemplate`. */
  buildMenu(template: NativeMenuItem[]): unknown;
  /** Icon path per status. */
  iconFor(status: TrayStatus): string;
  actions: TrayActions;
  /**
   * Whether a click on the icon opens the window. Not on macOS: there a click opens the menu, and Electron emits
   * `click` as well (electron#24200), so both would open. Windows and Linux: the menu is the right-click.
   */
  openOnClick: boolean;
}

export class SystemTrayService {
  private tray: TrayLike | null = null;
  private lastMenu = '';
  private lastTooltip = '';
  private lastIcon = '';

  constructor(private readonly deps: TrayServiceDeps) {}

  /** Shows `state`; returns whether anything on the native tray changed. */
  render(state: TrayState, labels: TrayLabels): boolean {
    const template = buildTrayMenu(state, labels);
    const menuKey = JSON.stringify(template);
    const tooltip = trayTooltip(state, labels);
    const icon = this.deps.iconFor(trayStatus(state));
    let changed = false;
    if (this.tray === null) {
      this.tray = this.deps.createTray(icon);
      this.lastIcon = icon;
      // Linux has no click on most trays; where there is one it opens the window, like the menu's first action.
      if (this.deps.openOnClick) this.tray.on('click', () => this.deps.actions.open(null));
      changed = true;
    }
    if (icon !== this.lastIcon) {
      this.tray.setImage(icon);
      this.lastIcon = icon;
      changed = true;
    }
    if (tooltip !== this.lastTooltip) {
      this.tray.setToolTip(tooltip);
      this.lastTooltip = tooltip;
      changed = true;
    }
    if (menuKey !== this.lastMenu) {
      this.tray.setContextMenu(this.deps.buildMenu(template.map((item) => this.toNative(item))));
      this.lastMenu = menuKey;
      changed = true;
    }
    return changed;
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
    this.lastMenu = this.lastTooltip = this.lastIcon = '';
  }

  private toNative(item: TrayMenuItem): NativeMenuItem {
    const native: NativeMenuItem = {};
    if (item.label !== undefined) native.label = item.label;
    if (item.type !== undefined) native.type = item.type;
    if (item.enabled !== undefined) native.enabled = item.enabled;
    if (item.submenu !== undefined) native.submenu = item.submenu.map((child) => this.toNative(child));
    const action = item.action;
    if (action !== undefined) native.click = () => this.run(action);
    return native;
  }

  private run(action: TrayAction): void {
    const { actions } = this.deps;
    switch (action.kind) {
      case 'quick-record':
        return actions.quickRecord(action.stream, action.profile, action.minutes);
      case 'record-until':
        return actions.recordUntil(action.stream, action.profile);
      case 'stop':
        return actions.stop(action.id, action.profile);
      case 'stop-recording':
        return actions.stopRecording(action.recordingId, action.profile);
      case 'open':
        return actions.open(action.view);
      case 'copy-diagnostics':
        return actions.copyDiagnostics();
      case 'quit':
        return actions.quit();
      default:
        return assertNever(action);
    }
  }
}
