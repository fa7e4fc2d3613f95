import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../../electron/cli/exit-codes.js';

describe('exitCodeFor (the CLI contract)', () => {
  it.each([
    ['Taper.InvalidInput', 2],
    ['Taper.UnknownOutcome', 4],
    ['Taper.Network', 4],
    ['Taper.Timeout', 4],
    ['Taper.HttpError', 4],
    ['Taper.InvalidResponse', 4],
    ['Taper.Keychain.Unavailable', 5],
    ['Taper.Keychain.Locked', 5],
    ['Taper.Credentials.Missing', 5],
    ['Taper.Profile.NotFound', 5],
    ['ResourceUnavailable.InvalidVodStatus', 3],
    ['AuthFailure.SignatureFailure', 3],
    ['RequestLimitExceeded', 3],
    ['Taper.History.Corrupt', 1],
  ])('%s → %i', (code, expected) => {
    expect(exitCodeFor({ code, message: 'x' })).toBe(expected);
  });
});
