import { serveWorker } from '@tdtt/jobs/workers';
import { BuildSession } from './builder';
import type { IndexJob } from './pool';

// Worker side of IndexPool: one build session per worker; its chunks come to it whole and in order.
const sessions = new Map<string, BuildSession>();

serveWorker((job: IndexJob) => {
  let s = sessions.get(job.dir);
  if (!s) sessions.set(job.dir, (s = new BuildSession(job.dir, job.maxPostings)));
  if (job.op === 'add') return s.addPacked(job.packed);
  sessions.delete(job.dir);
  return s.finish();
});
