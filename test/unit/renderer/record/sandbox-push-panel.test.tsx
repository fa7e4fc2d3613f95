/** @vitest-environment jsdom */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SandboxPushPanel } from '../../../../renderer/record/sandbox-push-panel.js';
import { historyChoices } from '../../../../shared/history-choices.js';
import { err, ok } from '../../../../shared/result.js';
import { fakeApi, historyEntry } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

afterEach(() => cleanup());

// 2026-11-25 12:00:00 UTC: 20:00 in Shanghai.
const NOW = 1_795_608_000;

function setup(api = fakeApi()) {
  // Newest first, as main lists it.
  const history = [
    historyEntry({ domain: 'sandbox.livepush.example.com', app: 'live', stream: 'evening-show', createdAt: NOW - 60 }),
    historyEntry({ stream: 'older-show', createdAt: NOW - 600 }),
  ];
  renderWith(<SandboxPushPanel choices={historyChoices(history)} timeZone="Asia/Shanghai" />, {
    api,
    clock: () => NOW * 1000,
  });
  return { api, user: userEvent.setup() };
}

describe('SandboxPushPanel', () => {
  it('pushes the newest task’s stream for the duration typed, and says until when in the display zone', async () => {
    const push = vi.fn(async (request: { domain: string; app: string; stream: string; forSeconds: number }) =>
      ok({ ...request, startTime: NOW, endTime: NOW + request.forSeconds }),
    );
    const { user, api } = setup(fakeApi({ sandbox: { push } }));
    expect(screen.getByLabelText('Stream to push')).toHaveProperty('value', 'evening-show');
    await user.clear(screen.getByLabelText('Push for'));
    await user.type(screen.getByLabelText('Push for'), '40m');
    await user.click(screen.getByRole('button', { name: 'Simulate a push' }));
    expect(api.sandbox.push).toHaveBeenCalledWith({
      domain: 'sandbox.livepush.example.com',
      app: 'live',
      stream: 'evening-show',
      forSeconds: 2_400,
    });
    expect(screen.getByTestId('push-result').textContent).toBe('Pushing live/evening-show (simulated) until 20:40.');
  });

  it('cannot send a duration it cannot read', async () => {
    const { user, api } = setup();
    await user.clear(screen.getByLabelText('Push for'));
    await user.type(screen.getByLabelText('Push for'), 'soon');
    expect(screen.getByRole('button', { name: 'Simulate a push' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Taper cannot read this duration.')).toBeTruthy();
    expect(api.sandbox.push).not.toHaveBeenCalled();
  });

  it('shows main’s refusal outside the sandbox', async () => {
    const push = vi.fn(async () => err('Taper.Sandbox.NotRunning', 'not running'));
    const { user } = setup(fakeApi({ sandbox: { push } }));
    await user.click(screen.getByRole('button', { name: 'Simulate a push' }));
    expect(screen.getByRole('alert').textContent).toContain('This works only in the sandbox, which is not running.');
  });
});
