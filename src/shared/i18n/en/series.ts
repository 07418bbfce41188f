import type { series as sv } from '../sv/series';

export const series: Record<keyof typeof sv, string> = {};
