import { openStore } from '../src/main/core/store';
import { listDocumentPage } from '../src/main/core/store/list-page';
import { median, percentile } from './stats';

/** Opening a large store and reading the documents list's first page, in process. */
export type StoreScale = { openMs: number; firstPageP95: number; firstPageMedian: number; rows: number };

export function benchStoreScale(file: string, runs = 7): StoreScale {
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    openStore(file).close();
    opens.push(performance.now() - t0);
  }
  const db = openStore(file);
  try {
    const pages: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) listDocumentPage(db, { limit: 50 }); // statements and page cache warm, as in a running app
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      rows = listDocumentPage(db, { limit: 50 }).items.length;
      pages.push(performance.now() - t0);
    }
    return { openMs: median(opens), firstPageP95: percentile(pages, 95), firstPageMedian: median(pages), rows };
  } finally {
    db.close();
  }
}
