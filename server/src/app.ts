import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env';
import { createErrorHandler, errorBody, validationHook } from './middleware/errors';
import { defaultScope } from './middleware/scope';
import { coverageRoutes } from './routes/coverage';
import { healthRoutes } from './routes/health';
import { jobRoutes } from './routes/jobs';
import { planRoutes } from './routes/plans';
import { postRoutes } from './routes/posts';
import { unitRoutes } from './routes/units';
import { serveWebApp } from './static';

export interface AppOptions {
  log?: (msg: string, err?: unknown) => void;
}

/** The HTTP app from its dependencies: JSON API under /api, the built web app everywhere else. */
export function createApp(deps: AppDeps, opts: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(createErrorHandler({ log: (err, c) => opts.log?.(`${c.req.method} ${c.req.path}`, err) }));
  app.use('/api/*', async function injectDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', defaultScope());

  app.route('/api/health', healthRoutes());
  app.route('/api/plans', planRoutes());
  app.route('/api/coverage', coverageRoutes());
  app.route('/api/units', unitRoutes());
  app.route('/api/posts', postRoutes());
  app.route('/api/jobs', jobRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Theo dõi tuyên truyền — API', version: '0.1.0', description: 'API JSON của bảng theo dõi thực hiện kế hoạch tuyên truyền' },
  });
  app.all('/api/*', (c) => c.json(errorBody('not_found', 'Không có đường dẫn API này'), 404));
  app.use('*', serveWebApp({ root: deps.config.webDir }));
  return app;
}
