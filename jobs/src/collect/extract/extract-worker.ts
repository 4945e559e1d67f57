import { serveWorker } from '../../workers';
import { contentHash, simhash } from '../dedup';
import { extractArticle, type ExtractInput } from './extract-article';

// Worker side of ExtractPool: one page in, one extraction out, with the text's identity hashes
// (also CPU work the main thread is spared).
serveWorker((input: ExtractInput) => {
  const a = extractArticle(input);
  return { ...a, contentHash: contentHash(a.text), simhash: simhash(a.text) };
});
