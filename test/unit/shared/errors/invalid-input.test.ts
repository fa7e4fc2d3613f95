import { describe, expect, it } from 'vitest';
import {
  invalidInput,
  invalidInputError,
  invalidRequest,
  problemsText,
} from '../../../../shared/errors/invalid-input.js';

const problems = [
  { code: 'StreamName.Required', field: 'streamName', message: 'Enter the stream name (StreamName).' },
  { code: 'Series.DaysMissing', field: 'daysOfWeek', message: 'Choose at least one day.' },
];

describe('invalid input', () => {
  it('joins the messages in their order, with "; "', () => {
    expect(problemsText(problems)).toBe('Enter the stream name (StreamName).; Choose at least one day.');
    expect(problemsText([])).toBe('');
  });

  it('refuses with InvalidInput, the joined line and every problem for the form', () => {
    expect(invalidInput(problems)).toEqual({
      ok: false,
      error: {
        code: 'Taper.InvalidInput',
        message: 'Enter the stream name (StreamName).; Choose at least one day.',
        problems,
      },
    });
    expect(invalidInputError(problems)).toEqual({
      code: 'Taper.InvalidInput',
      message: 'Enter the stream name (StreamName).; Choose at least one day.',
      problems,
    });
  });

  it('refuses for one reason with no problem list', () => {
    expect(invalidRequest('Nothing to change.')).toEqual({
      ok: false,
      error: { code: 'Taper.InvalidInput', message: 'Nothing to change.' },
    });
  });
});
