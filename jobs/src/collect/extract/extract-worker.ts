import { serveWorker } from '../../workers';
import { contentHash, simhash } from '../dedup';
import { extractArticle, type ExtractInput } from './extract-article';

// Worker side of ExtractPool: one page in, one extraction out, with the text's identity hashes
// (also CPU work the main thread is spared). One tiny page first, so the parsers are loaded before
// the worker says it is ready: loading them never counts against a task's timeout.
extractArticle({ html: '<!doctype html><html><body><p>Khởi động.</p></body></html>', url: 'https://khoi-dong.invalid/', now: new Date() });
serveWorker((input: ExtractInput) => {
  const a = extractArticle(input);
  return { ...a, contentHash: contentHash(a.text), simhash: simhash(a.text) };
});
