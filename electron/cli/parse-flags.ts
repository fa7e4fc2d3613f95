// Small flag parsers shared by commands; each rejects with an invalid-input error (exit 2).
import { InvalidArgumentError } from 'commander';

export function parseNonNegativeInteger(value: string): number {
  if (!/^\d{1,15}$/.test(value.trim())) throw new InvalidArgumentError('expected a non-negative whole number.');
  return Number(value.trim());
}

export function parsePort(value: string): number {
  const port = parseNonNegativeInteger(value);
  if (port > 65_535) throw new InvalidArgumentError('expected a port from 0 to 65535.');
  return port;
}
