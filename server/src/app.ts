import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env';
import { createErrorHandler, errorBody, validationHook } from './middleware/errors';
import { csrf } from './middleware/csrf';
import { readOnly } from './middleware/read-only';
import { securityHeaders } from './middleware/security-headers';
import { authorize, passwordChangeGate, session } from './middleware/session';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { coverageRoutes } from './routes/coverage';
import { overviewRoutes } from './routes/overview';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { jobRoutes } from './routes/jobs';
import { namedEventRoutes } from './routes/named-events';
import { planRoutes } from './routes/plans';
import { postRoutes } from './routes/posts';
import { modelRoutes, reviewRoutes } from './routes/decisions';
import { submissionRoutes } from './routes/submissions';
import { searchRoutes } from './routes/search';
import { unitRoutes } from './routes/units';
import { unitRegistryRoutes } from './routes/unit-registry';
import { setupRoutes } from './routes/setup';
import { backupRoutes } from './routes/backup';
import { userRoutes } from './routes/users';
import { alertRoutes } from './routes/alerts';
import { anniversaryRoutes } from './routes/anniversaries';
import { sourceRoutes } from './routes/sources';
import { themeRoutes } from './routes/themes';
import { serveWebApp } from './static';

export interface AppOptions {
  log?: (msg: string, err?: unknown) => void;
  /** A dashboard replica: writes refused, sessions read but never touched. */
  readOnly?: boolean;
}

/** The HTTP app from its dependencies: JSON API under /api, the built web app everywhere else. */
export function createApp(deps: AppDeps, opts: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(createErrorHandler({ log: (err, c) => opts.log?.(`${c.req.method} ${c.req.path}`, err) }));
  // Every API request's reads wait in the read pool's queue at most its deadline (db/read-pool.ts).
  app.use('/api/*', (_c, next) => deps.db.forRequest(() => next()));
  app.use('*', securityHeaders({ webDir: deps.config.webDir }));
  app.use('/api/*', async function injectDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  // Access control, in one place for every /api route: session → user + unit scope (401 unless
  // public), CSRF on writes (except sign-in), role rules (auth/roles ACCESS_RULES).
  if (opts.readOnly) app.use('/api/*', readOnly());
  app.use('/api/*', session({ db: deps.db, now: deps.now, touchEveryMs: opts.readOnly ? Infinity : undefined }));
  app.use('/api/*', csrf({ exempt: (m, p) => m === 'POST' && p === '/api/auth/login', expected: (c) => c.get('session')?.csrfToken ?? null }));
  app.use('/api/*', authorize());
  app.use('/api/*', passwordChangeGate(deps.db));

  app.route('/api/health', healthRoutes());
  app.route('/api/auth', authRoutes({ db: deps.db, now: deps.now }));
  app.route('/api/users', userRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/plans', planRoutes());
  app.route('/api/named-events', namedEventRoutes());
  app.route('/api/coverage', coverageRoutes());
  app.route('/api/overview', overviewRoutes());
  app.route('/api/export', exportRoutes());
  app.route('/api/setup', setupRoutes());
  app.route('/api/admin', backupRoutes());
  app.route('/api/units', unitRegistryRoutes());
  app.route('/api/units', unitRoutes());
  app.route('/api/posts', postRoutes());
  app.route('/api/search', searchRoutes());
  app.route('/api/review', reviewRoutes());
  app.route('/api/model', modelRoutes());
  app.route('/api/submissions', submissionRoutes());
  app.route('/api/jobs', jobRoutes());
  app.route('/api/themes', themeRoutes());
  app.route('/api/anniversaries', anniversaryRoutes());
  app.route('/api/sources', sourceRoutes());
  app.route('/api/alerts', alertRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Theo dõi tuyên truyền — API', version: '0.1.0', description: 'API JSON của bảng theo dõi thực hiện kế hoạch tuyên truyền' },
  });
  app.all('/api/*', (c) => c.json(errorBody('not_found', 'Không có đường dẫn API này'), 404));
  app.use('*', serveWebApp({ root: deps.config.webDir }));
  return app;
}
