import { serveWorker } from '../../workers';
import { extractArticle } from './extract-article';

// Worker side of ExtractPool: one page in, one extraction out.
serveWorker(extractArticle);
