import { test as base } from '@playwright/test';
import { startHost, type Host } from './host';

/** Each test gets its own browser host and its own database folder. */
export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
