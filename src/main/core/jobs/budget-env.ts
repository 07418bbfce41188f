import type { JobBudget } from './runner';

/**
 * Budgets from MINNES_JOB_SECONDS and MINNES_JOB_MEMORY_MB, for machines (or tests) that need
 * other limits than the defaults; anything that is not a positive number is ignored.
 */
export function budgetFromEnv(env: NodeJS.ProcessEnv): Partial<JobBudget> {
  const seconds = Number(env.MINNES_JOB_SECONDS);
  const mb = Number(env.MINNES_JOB_MEMORY_MB);
  return {
    ...(Number.isFinite(seconds) && seconds > 0 ? { timeMs: seconds * 1000 } : {}),
    ...(Number.isFinite(mb) && mb > 0 ? { memoryMb: mb } : {}),
  };
}
