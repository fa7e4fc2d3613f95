import { describe, expect, it } from 'vitest';
import { resolveActionTarget } from '../../../../../electron/cli/commands/action-target.js';
import { DAY, entry, HOUR, link, NOW, recording } from '../../../support/cli-fixtures.js';

const planned = recording('rec-planned', 'far-show', [link('rec-planned', 0, NOW + 8 * DAY, NOW + 8 * DAY + HOUR)]);
const adopted = recording('rec-adopted', 'news', [
  link('rec-adopted', 0, NOW, NOW + HOUR, { status: 'created', taskId: 'TaskFromConsole' }),
]);

describe('resolveActionTarget (taper stop|delete ID)', () => {
  it('a recordingId of the plans, or only of history entries (plan pruned), is the whole recording', () => {
    expect(resolveActionTarget('rec-planned', [planned], [])).toEqual({
      kind: 'recording',
      recordingId: 'rec-planned',
    });
    expect(resolveActionTarget('rec-old', [], [entry('h1', { recordingId: 'rec-old' })])).toEqual({
      kind: 'recording',
      recordingId: 'rec-old',
    });
  });

  it('a TaskId or history id of the history, or a TaskId a plan adopted, is one task', () => {
    expect(resolveActionTarget('task-h1', [], [entry('h1')])).toEqual({ kind: 'task', taskId: 'task-h1' });
    expect(resolveActionTarget('h1', [], [entry('h1')])).toEqual({ kind: 'task', taskId: 'h1' });
    expect(resolveActionTarget('TaskFromConsole', [adopted], [])).toEqual({ kind: 'task', taskId: 'TaskFromConsole' });
  });

  it('a recordingId (a UUID) Taper does not know is unknown: nothing may be sent', () => {
    expect(resolveActionTarget('3f0c8a52-0000-4000-8000-000000000000', [planned], [entry('h1')])).toEqual({
      kind: 'unknown',
      id: '3f0c8a52-0000-4000-8000-000000000000',
    });
  });

  it('any other id is a TaskId, as it always was: one from the console still reaches its task', () => {
    expect(resolveActionTarget('TaskMadeInTheConsole0001', [planned], [entry('h1')])).toEqual({
      kind: 'task',
      taskId: 'TaskMadeInTheConsole0001',
    });
  });

  it('with the history unreadable, an id the plans do not name is taken for a TaskId, as before', () => {
    expect(resolveActionTarget('rec-planned', [planned], null)).toEqual({
      kind: 'recording',
      recordingId: 'rec-planned',
    });
    expect(resolveActionTarget('SomeTaskId', [planned], null)).toEqual({ kind: 'task', taskId: 'SomeTaskId' });
  });
});
