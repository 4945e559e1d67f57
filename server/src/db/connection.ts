import { DuckDBConnection, DuckDBInstance, DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';
import { totalmem } from 'node:os';
import { collectNow, collectSoon } from './native-memory';
import { DEFAULT_READ_POOL, ReadBusyError, ReadPool, outsideRequest, withReadDeadline, type ReadPoolOptions, type ReadPoolStats } from './read-pool';

/** Values we bind as SQL parameters; arrays and objects are stored as JSON text by the queries. */
export type SqlValue = string | number | boolean | bigint | null;
export type SqlParams = SqlValue[] | Record<string, SqlValue>;
export type Row = Record<string, unknown>;

/** Serialises async work on one connection: DuckDB connections run one statement at a time. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** An instant as DuckDB TIMESTAMP text in UTC (our TIMESTAMP columns are UTC). */
export function utc(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`thời điểm không hợp lệ: ${String(instant)}`);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Multi-row INSERT in chunks (one statement per chunk, not per row). `casts` names a SQL cast per
 * column where the parameter is text for a typed column (e.g. 'TIMESTAMP').
 */
export async function insertMany(
  db: Queryable,
  table: string,
  columns: string[],
  rows: SqlValue[][],
  opts: { casts?: Record<string, string>; onConflict?: string; chunk?: number } = {},
): Promise<void> {
  const chunk = opts.chunk ?? 400;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: SqlValue[] = [];
    const tuples = part.map((row) => {
      const cells = row.map((v, j) => {
        params.push(v);
        const cast = opts.casts?.[columns[j]!];
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${opts.onConflict ?? ''}`, params);
  }
}

export interface Queryable {
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  one<T = Row>(sql: string, params?: SqlParams): Promise<T | null>;
  run(sql: string, params?: SqlParams): Promise<void>;
}

/** Converts driver values at the edge: BIGINT → number, DATE → 'YYYY-MM-DD', TIMESTAMP (UTC) → ISO string. */
function toRows(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const rows = reader.getRowObjectsJson() as Row[];
  const fixes: [string, (v: unknown) => unknown][] = [];
  names.forEach((name, i) => {
    const id = types[i]?.typeId;
    if (id === DuckDBTypeId.BIGINT || id === DuckDBTypeId.HUGEINT || id === DuckDBTypeId.UBIGINT || id === DuckDBTypeId.DECIMAL) {
      fixes.push([name, (v) => (v === null ? null : Number(v))]);
    } else if (id === DuckDBTypeId.TIMESTAMP || id === DuckDBTypeId.TIMESTAMP_MS || id === DuckDBTypeId.TIMESTAMP_S) {
      // DuckDB prints 'YYYY-MM-DD HH:MM:SS[.ffffff]' in UTC; the API speaks fixed-width ISO 8601.
      fixes.push([name, (v) => (v === null ? null : new Date(`${String(v).replace(' ', 'T')}Z`).toISOString())]);
    }
  });
  if (fixes.length) for (const row of rows) for (const [name, fix] of fixes) row[name] = fix(row[name]);
  return rows;
}

/** Results this long are several MB of native chunks: collected soon after (native-memory.ts). */
const LARGE_RESULT_ROWS = 20_000;

class Conn implements Queryable {
  readonly lock = new Mutex();
  constructor(readonly raw: DuckDBConnection) {}
  async allUnlocked<T>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.raw.runAndReadAll(sql, params as never);
    if (reader.currentRowCount > LARGE_RESULT_ROWS) collectSoon();
    return toRows(reader) as T[];
  }
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.lock.run(() => this.allUnlocked<T>(sql, params));
  }
  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.lock.run(() => this.raw.run(sql, params as never));
  }
}

/** Inside a transaction: the writer connection, already locked. */
class TxConn implements Queryable {
  constructor(private readonly c: Conn) {}
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.c.allUnlocked<T>(sql, params);
  }
  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.c.raw.run(sql, params as never);
  }
}

/** DuckDB's "Out of Memory Error" (its buffer pool full, pinned blocks included). */
export function isOutOfMemory(err: unknown): boolean {
  return err instanceof Error && /Out of Memory Error/.test(err.message);
}

/**
 * The name a failing read is logged under: the query function that issued it (from V8's async stack
 * trace, e.g. \`overviewLevel\`), or the start of its SQL.
 */
function queryName(sql: string, stack = new Error().stack ?? ''): string {
  for (const line of stack.split('\n').slice(1)) {
    const m = /at (?:async )?(?:\S+\.)?([A-Za-z_$][\w$]*) \(/.exec(line);
    if (m && !/[\\/]db[\\/](connection|read-pool)\.[tj]s/.test(line) && !/node:|node_modules/.test(line) && m[1] !== 'Object') return m[1]!;
  }
  return sql.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Read counters for /api/health: the pool's and the out-of-memory retries. */
export interface ReadStats extends ReadPoolStats {
  /** Reads that hit DuckDB's memory limit and were retried once after a collection. */
  outOfMemory: number;
  /** Of those, reads whose retry failed too (answered 503). */
  outOfMemoryFailed: number;
}

export interface OpenOptions extends MemoryLimits {
  readers?: number;
  threads?: number;
  readPool?: Partial<ReadPoolOptions>;
  log?: (msg: string, err?: unknown) => void;
  /** A snapshot served by a dashboard replica: DuckDB refuses every write. */
  readOnly?: boolean;
}

export interface MemoryLimits {
  /** DuckDB's memory_limit while pages are served (its buffer pool and query memory); null: DuckDB's default. */
  memoryLimit?: string | null;
  /** The limit while jobs run (withJobMemory); null: DuckDB's default (80 % of the machine's memory). */
  jobMemoryLimit?: string | null;
  /**
   * How long the jobs' limit stays after the last job ends (default 10 s): lowering the limit evicts
   * DuckDB's buffer pool, so back-to-back exports would each start cold (a province's table: 1.7 → 2.1 s).
   */
  lowerAfterMs?: number;
}

/**
 * The one DuckDB instance of the process (DuckDB allows one writing process per file).
 * Writes go through a single writer connection so transactions never conflict;
 * reads use their own connections so pages stay responsive during a collection.
 */
export class Database implements Queryable {
  private jobs = 0;
  private outOfMemory = 0;
  private outOfMemoryFailed = 0;
  private pool: ReadPool<Conn>;
  private limitChange: Promise<void> = Promise.resolve();
  private lowering: ReturnType<typeof setTimeout> | null = null;
  private constructor(
    private file: string,
    private instance: DuckDBInstance,
    private writer: Conn,
    private readers: Conn[],
    private readonly limits: MemoryLimits,
    private readonly poolOptions: ReadPoolOptions,
    private readonly log: (msg: string, err?: unknown) => void,
    private readonly openOpts: OpenOptions,
  ) {
    this.pool = new ReadPool(readers.length ? readers : [writer], poolOptions);
  }

  get path(): string {
    return this.file;
  }

  static async open(path: string, opts: OpenOptions = {}): Promise<Database> {
    const settings: Record<string, string> = { threads: String(opts.threads ?? 2) };
    if (opts.memoryLimit) settings.memory_limit = opts.memoryLimit;
    if (opts.readOnly) settings.access_mode = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, settings);
    const writer = new Conn(await instance.connect());
    const readers: Conn[] = [];
    for (let i = 0; i < (opts.readers ?? 2); i++) readers.push(new Conn(await instance.connect()));
    return new Database(path, instance, writer, readers, {
      memoryLimit: opts.memoryLimit ?? null,
      jobMemoryLimit: opts.jobMemoryLimit ?? null,
      lowerAfterMs: opts.lowerAfterMs ?? 10_000,
    }, { ...DEFAULT_READ_POOL, ...opts.readPool }, opts.log ?? (() => undefined), opts);
  }

  /**
   * Serves another file from now on (a dashboard replica moving to a newer snapshot): new reads go
   * to it at once; the old file is closed once every read already on or waiting for its connections
   * is done, so no request in flight fails.
   */
  async reopen(path: string): Promise<void> {
    const next = await Database.open(path, this.openOpts);
    const old = { instance: this.instance, writer: this.writer, readers: this.readers, pool: this.pool };
    this.file = path;
    this.instance = next.instance;
    this.writer = next.writer;
    this.readers = next.readers;
    this.pool = next.pool;
    void (async () => {
      await old.pool.drained();
      await old.writer.lock.run(async () => {
        for (const r of old.readers) r.raw.closeSync();
        old.writer.raw.closeSync();
        old.instance.closeSync();
      });
    })();
  }

  /** Runs a request's handling: its reads wait for a connection at most the pool's queue timeout. */
  forRequest<T>(fn: () => T): T {
    return withReadDeadline(this.poolOptions.queueTimeoutMs, fn);
  }

  readStats(): ReadStats {
    return { ...this.pool.stats(), outOfMemory: this.outOfMemory, outOfMemoryFailed: this.outOfMemoryFailed };
  }

  /**
   * Runs fn with DuckDB's memory limit raised to the jobs' limit: a small limit keeps the served
   * pages' memory low (README "Memory"), but a roll-up or re-index of a province does not fit in it.
   * Counted, so overlapping jobs share the raise; the serving limit returns `lowerAfterMs` after the
   * last one ends.
   */
  async withJobMemory<T>(fn: () => Promise<T>): Promise<T> {
    const { memoryLimit, jobMemoryLimit } = this.limits;
    if (!memoryLimit || memoryLimit === jobMemoryLimit) return fn();
    this.jobs++;
    if (this.lowering) clearTimeout(this.lowering);
    this.lowering = null;
    try {
      await this.applyMemoryLimit();
      // A job started by a request outlives it: its reads wait their turn without the request's deadline.
      return await outsideRequest(fn);
    } finally {
      if (--this.jobs === 0) {
        collectSoon(); // a job leaves many MB of dead result chunks behind (native-memory.ts)
        // A checkpoint first: rows the job appended sit in DuckDB's memory (IN_MEMORY_TABLE, ~10–30 MB
        // on the demo) until written to the file, and they count against the serving limit.
        const lower = () => this.writer.run('CHECKPOINT').catch(() => undefined).then(() => this.applyMemoryLimit()).catch(() => this.lowerLater(1));
        if (this.limits.lowerAfterMs) this.lowering = setTimeout(() => void lower(), this.limits.lowerAfterMs).unref();
        else await lower();
      }
    }
  }

  /**
   * Sets the limit the moment calls for (a job running or not). Changes run one at a time and each
   * reads the job count when it runs, so a lowering queued behind a new job's raise cannot undo it.
   */
  private applyMemoryLimit(): Promise<void> {
    const apply = () => {
      // DuckDB's default spelled out: RESET changes the setting but leaves the buffer pool's limit as it was.
      const limit = (this.jobs > 0 ? this.limits.jobMemoryLimit : this.limits.memoryLimit) ?? `${Math.floor((totalmem() * 0.8) / 2 ** 20)}MiB`;
      // SET takes no parameters; the value is a validated size (config.ts).
      return this.pool.use((c) => c.run(`SET GLOBAL memory_limit = '${limit.replace(/'/g, '')}'`));
    };
    const next = this.limitChange.then(apply, apply);
    this.limitChange = next.catch(() => undefined);
    return next;
  }

  /** Lowering fails while queries hold more than the serving limit pinned: it is tried again shortly. */
  private lowerLater(attempt: number): void {
    if (attempt > 30) return;
    setTimeout(() => void this.applyMemoryLimit().catch(() => this.lowerLater(attempt + 1)), 1000).unref();
  }

  /**
   * Read-only query on a pooled reader connection (read-pool.ts). DuckDB running out of memory is
   * retried once after a full collection has freed the dead results V8 still holds; a second failure
   * is a ReadBusyError (503, try again), not a 500.
   */
  async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    try {
      return await this.pool.use((c) => c.all<T>(sql, params));
    } catch (err) {
      if (!isOutOfMemory(err)) throw err;
      const name = queryName(sql);
      this.outOfMemory++;
      this.log(`read ${name}: DuckDB out of memory, retrying once after a collection (${(err as Error).message.split('\n')[0]})`);
      await collectNow();
      try {
        return await this.pool.use((c) => c.all<T>(sql, params));
      } catch (again) {
        if (!isOutOfMemory(again)) throw again;
        this.outOfMemoryFailed++;
        this.log(`read ${name}: DuckDB out of memory again, answered busy`);
        throw new ReadBusyError(2, `out of memory in ${name}`);
      }
    }
  }
  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }
  /** A single write statement (its own implicit transaction). */
  run(sql: string, params?: SqlParams): Promise<void> {
    return this.writer.run(sql, params);
  }

  /** Runs fn in one transaction on the writer connection; rolls back on error. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writer.lock.run(async () => {
      await this.writer.raw.run('BEGIN TRANSACTION');
      try {
        const result = await fn(new TxConn(this.writer));
        await this.writer.raw.run('COMMIT');
        return result;
      } catch (err) {
        await this.writer.raw.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** Bulk insert through the appender (fast path for big batches); rows in column order. */
  async append(table: string, rows: SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.writer.lock.run(async () => {
      const appender = await this.writer.raw.createAppender(table);
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (typeof v === 'boolean') appender.appendBoolean(v);
          else if (typeof v === 'bigint') appender.appendBigInt(v);
          else if (Number.isInteger(v)) appender.appendBigInt(BigInt(v));
          else appender.appendDouble(v);
        }
        appender.endRow();
      }
      appender.closeSync();
    });
  }

  async close(): Promise<void> {
    if (this.lowering) clearTimeout(this.lowering);
    await this.writer.lock.run(async () => {
      for (const r of this.readers) r.raw.closeSync();
      this.writer.raw.closeSync();
      this.instance.closeSync();
    });
  }
}
