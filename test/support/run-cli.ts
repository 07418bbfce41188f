import { runCli } from '../../src/main/cli/main';
import type { CliIo } from '../../src/main/cli/io';

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `minnes …` in-process in a folder, with its own environment, capturing what it prints. */
export function cliIn(cwd: string, env: NodeJS.ProcessEnv = {}): (...args: string[]) => Promise<CliResult> {
  return async (...args) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, cwd };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  };
}
