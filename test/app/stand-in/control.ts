// The stand-in's line to the test that started the app: events out (what the app showed: tray menus,
// notifications, dialogs, windows), commands in (what a user does: click a tray item, answer a dialog, wake the
// machine). It is the Node IPC channel of the app process; without one (the app run by hand) events are dropped.

export type StandInEvent = { type: string } & Record<string, unknown>;
export type StandInCommand = { type: string; id?: number } & Record<string, unknown>;

type CommandHandler = (command: StandInCommand) => unknown;

const handlers = new Map<string, CommandHandler>();

export function emit(event: StandInEvent): void {
  if (typeof process.send === 'function' && process.connected) process.send(event);
}

/** Registers what a command of `type` does; its return value (or thrown message) answers the command. */
export function onCommand(type: string, handler: CommandHandler): void {
  handlers.set(type, handler);
}

if (typeof process.send === 'function') {
  process.on('message', (message: StandInCommand) => {
    const handler = handlers.get(message.type);
    void (async () => {
      try {
        if (handler === undefined) throw new Error(`stand-in: unknown command ${message.type}`);
        const value = await handler(message);
        emit({ type: 'reply', id: message.id, ok: true, value: value ?? null });
      } catch (error) {
        emit({
          type: 'reply',
          id: message.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
  });
  // The channel must not keep a quitting app alive: Electron exits when the app quits, whoever started it.
  process.channel?.unref();
}
