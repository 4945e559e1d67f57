import type { MiddlewareHandler } from 'hono';

/**
 * What the caller may see: everything (admin, staff) or a unit subtree (unit lead).
 * Every route reads units through this, so scoping lives in one place.
 */
export class Scope {
  private constructor(readonly unitIds: ReadonlySet<string> | null, readonly rootUnitId: string | null) {}
  static all(): Scope {
    return new Scope(null, null);
  }
  static subtree(rootUnitId: string, unitIds: Iterable<string>): Scope {
    return new Scope(new Set(unitIds), rootUnitId);
  }
  get isAll(): boolean {
    return this.unitIds === null;
  }
  canSee(unitId: string): boolean {
    return this.unitIds === null || this.unitIds.has(unitId);
  }
  filter<T>(items: T[], unitOf: (t: T) => string): T[] {
    return this.unitIds === null ? items : items.filter((t) => this.unitIds!.has(unitOf(t)));
  }
}

export interface ScopeVariables {
  scope: Scope;
}

/** Until a session sets a narrower scope, a request sees everything (replaced by the sign-in middleware). */
export function defaultScope(): MiddlewareHandler<{ Variables: ScopeVariables }> {
  return async function defaultScopeMiddleware(c, next) {
    if (!c.get('scope')) c.set('scope', Scope.all());
    await next();
  };
}
