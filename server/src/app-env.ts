import type { ExtractInput, ExtractedArticle } from '@tdtt/jobs/collect';
import type { JobRunner, Scheduler } from '@tdtt/jobs/schedule';
import type { Config } from './config';
import type { Database } from './db/connection';
import type { ScopeVariables } from './middleware/scope';
import type { AuthVariables } from './middleware/session';

/** What every handler can reach: passed in, never imported as module state. */
export interface AppDeps {
  db: Database;
  config: Config;
  runner: JobRunner;
  scheduler: Scheduler | null;
  now: () => Date;
  /** Article extraction in the job runtime's worker pool (per-task timeout); absent: in-thread. */
  extract?: (input: ExtractInput) => Promise<ExtractedArticle>;
}

export interface AppEnv {
  Variables: ScopeVariables & AuthVariables & { deps: AppDeps };
}
