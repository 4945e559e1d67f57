import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractInput } from './extract-article';

// Worker side of ExtractPool: one message in, one extraction out.
parentPort!.on('message', (msg: { id: number; input: ExtractInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, value: extractArticle(msg.input) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: (e as Error).message ?? String(e) });
  }
});
