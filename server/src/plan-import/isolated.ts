// Every plan parse runs in a fresh worker thread with a capped heap and a time limit, one at a
// time: a hostile document (a PDF stream inflating to hundreds of MB, millions of paragraphs,
// pathological text) can kill its worker, never the server, and /api/health keeps answering.
import { startWorker, workerModule } from '@tdtt/jobs/workers';
import { fail, type ParseInput, type ParseOutput } from './parse-document';

export const PARSE_LIMITS = {
  /** V8 old-generation heap of the parse worker. */
  heapMb: 256,
  /** Wall time of one parse (start of the worker included). */
  timeMs: 20_000,
};

let queue: Promise<unknown> = Promise.resolve();

function runOnce(input: ParseInput, limits: typeof PARSE_LIMITS): Promise<ParseOutput> {
  return new Promise((resolve) => {
    const worker = startWorker(workerModule('parse-worker', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    let done = false;
    const finish = (out: ParseOutput) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(out);
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(fail('too-slow', `Văn bản quá phức tạp: phân tích quá ${limits.timeMs / 1000} giây nên đã dừng. Hãy kiểm tra lại tệp, hoặc dán phần nội dung chính của kế hoạch.`)),
      limits.timeMs,
    );
    worker.on('message', (out: ParseOutput) => finish(out));
    worker.on('error', (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? fail('too-complex', `Văn bản cần quá nhiều bộ nhớ để phân tích (giới hạn ${limits.heapMb} MB) nên đã dừng: có thể là tệp hỏng hoặc quá lớn.`)
          : fail('parse-failed', `Không phân tích được văn bản (${e.message}).`),
      ),
    );
    worker.on('exit', () => finish(fail('parse-failed', 'Không phân tích được văn bản: tiến trình phân tích dừng bất thường.')));
    const transfer = input.bytes ? [input.bytes.slice().buffer] : [];
    const msg = input.bytes ? { ...input, bytes: new Uint8Array(transfer[0]!) } : input;
    worker.postMessage(msg, transfer as ArrayBuffer[]);
  });
}

/** Parses in the worker; calls wait their turn (2 cores: one parse at a time is plenty for an admin task). */
export function parseIsolated(input: ParseInput, limits: typeof PARSE_LIMITS = PARSE_LIMITS): Promise<ParseOutput> {
  const run = queue.then(() => runOnce(input, limits));
  queue = run.catch(() => undefined);
  return run;
}
