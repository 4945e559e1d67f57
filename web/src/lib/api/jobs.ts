import { request, type Fetch } from './client';
import type { JobName, Jobs } from './types';

export const JOB_NAMES: readonly JobName[] = ['collect', 'classify', 'rollup'];

export function listJobs(fetch?: Fetch): Promise<Jobs> {
  return request('GET', '/jobs', { fetch });
}

export function runJob(job: JobName, fetch?: Fetch): Promise<{ runId: string }> {
  return request('POST', `/jobs/${encodeURIComponent(job)}/run`, { fetch });
}
