import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** parseArgs, but every mistake becomes a UsageError (exit 2) instead of a stack trace. */
export function parse(args: string[], options: Options, positionals: { min: number; max: number }): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, db: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError('missing argument');
  if (n > positionals.max) throw new UsageError(`unexpected argument: ${parsed.positionals[positionals.max] ?? ''}`);
  return parsed;
}

export function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
