// The search API's answer: one contract for the server that builds it and the web app that shows it.

export interface TextMark {
  /** [start, end) in the original string. */
  start: number;
  end: number;
}

export interface Snippet {
  /** Where the snippet starts and ends in the original string (the UI slices text[from, to)). */
  from: number;
  to: number;
  /** Highlighted ranges, absolute offsets into the original string, inside [from, to), sorted. */
  marks: TextMark[];
}

export interface SearchHit {
  id: string;
  title: string;
  titleMarks: TextMark[];
  snippet: Snippet & { text: string };
  url: string;
  unit: { id: string; name: string };
  publishedAt: string;
  isRepost: boolean;
  /** Holds the whole query as a phrase. */
  phrase: boolean;
  score: number;
}

export interface SearchResult {
  q: string;
  /** The folded syllables searched for. */
  terms: string[];
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}
