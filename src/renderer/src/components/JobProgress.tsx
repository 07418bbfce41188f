import { useEffect, useState } from 'react';
import type { JobInfo, JobKindName } from '../../../shared/contract';
import { api } from '../api';
import { useT } from '../i18n/i18n';

/** Work this short needs no progress line: it would only flicker. */
const SHOW_AFTER_MS = 1000;
const POLL_MS = 500;

/**
 * While `active`, a line with the running job's name, its seconds and "Avbryt" once it has taken
 * about a second. The job runs in the host's worker; cancelling ends that worker, and the call
 * that started it then fails with the host's "… avbröts. Inget har sparats.".
 */
export function JobProgress({ active, kinds }: { active: boolean; kinds: readonly JobKindName[] }) {
  const t = useT();
  const [job, setJob] = useState<JobInfo | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const key = kinds.join(',');
  useEffect(() => {
    setJob(null);
    setCancelling(false);
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const jobs = await api.listJobs({}).catch(() => [] as JobInfo[]);
      if (stopped) return;
      setJob(jobs.find((j) => key.split(',').includes(j.kind)) ?? null);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), SHOW_AFTER_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, key]);
  if (!active || !job) return null;
  const seconds = Math.floor(job.elapsedMs / 1000);
  // Named by kind in the UI's language (the host's label is Swedish).
  const name = t(`documents.job.${job.kind}`);
  return (
    <span className="job-progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('documents.job.running', { job: name, seconds })}
      <button
        type="button"
        aria-label={t('documents.job.cancel', { job: name.toLocaleLowerCase(t.lang) })}
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void api.cancelJob({ id: job.id }).catch(() => undefined);
        }}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
