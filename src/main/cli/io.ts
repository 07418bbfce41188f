/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
};

/** Wrong usage: exit 2 with the usage text. */
export class UsageError extends Error {}

export const processIo = (): CliIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
