// The parse worker: one document in, one answer out, then the worker is terminated by its caller
// (isolated.ts). Its heap is capped there; its crashes and hangs end here, not in the server.
import { parentPort } from 'node:worker_threads';
import { parseDocument, type ParseInput } from './parse-document';

parentPort!.once('message', (input: ParseInput) => {
  parseDocument(input).then(
    (out) => parentPort!.postMessage(out),
    (e: unknown) => parentPort!.postMessage({ ok: false, code: 'parse-failed', message: `Không phân tích được văn bản (${e instanceof Error ? e.message : String(e)}).` }),
  );
});
