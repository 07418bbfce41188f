/**
 * An error the user caused or can fix: its message is shown as is (Swedish, one line).
 * Anything else that escapes the core is a bug and is reported generically.
 */
export class MinnesError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MinnesError';
  }
}

export function isMinnesError(e: unknown): e is MinnesError {
  return e instanceof MinnesError;
}
