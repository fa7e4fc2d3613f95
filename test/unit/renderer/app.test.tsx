/** @vitest-environment jsdom */
// The shell asks main for the record form's choices, not for the whole history: that is asked for once the form has
// its choices (and the page is idle), and the history view says it is loading until it has arrived, never that the
// history is empty.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app.js';
import type { HistoryChoices } from '../../../shared/history-choices.js';
import type { HistoryEntry } from '../../../shared/history.js';
import { ok, type Result } from '../../../shared/result.js';
import { fakeApi, historyEntry } from '../support/fake-api.js';
import { renderWith } from '../support/render.js';

afterEach(cleanup);

function deferred<T>() {
  let resolve: (value: Result<T>) => void = () => undefined;
  const promise = new Promise<Result<T>>((done) => (resolve = done));
  return { promise, resolve };
}

describe('App', () => {
  it('asks for the whole history only after the form has its choices', async () => {
    const choices = deferred<HistoryChoices>();
    const api = fakeApi({ history: { choices: vi.fn(() => choices.promise) } });
    renderWith(<App />, { api, clock: () => 1_795_608_000_000 });
    await screen.findByLabelText('Stream name');
    await new Promise((done) => setTimeout(done, 20));
    expect(api.history.choices).toHaveBeenCalled();
    expect(api.history.list).not.toHaveBeenCalled();
    choices.resolve(ok({ domains: [], apps: [], streams: ['evening-show'] }));
    await waitFor(() => expect(api.history.list).toHaveBeenCalledTimes(1));
    expect(document.querySelector('#recent-streams option')?.getAttribute('value')).toBe('evening-show');
  });

  it('shows the history view as loading until the whole history has arrived, not as empty', async () => {
    const list = deferred<HistoryEntry[]>();
    const api = fakeApi({ history: { list: vi.fn(() => list.promise) } });
    const user = userEvent.setup();
    renderWith(<App />, { api, clock: () => 1_795_608_000_000 });
    await user.click(await screen.findByRole('button', { name: 'History' }));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByText(/No attempts yet/)).toBeNull();
    list.resolve(ok([historyEntry({ stream: 'evening-show' })]));
    expect(await screen.findByText('1 of 1 attempts')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});
