import { foldVi } from '../time/index';

/** Short title: the first clause (to the first ";", ":" or sentence end outside quotes), at most ~120 chars. */
export function firstClause(text: string, max = 120): string {
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“' || c === '(') depth++;
    else if ((c === '”' || c === ')') && depth > 0) depth--;
    else if (c === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0 && (c === ';' || c === ':' || (c === '.' && /^\s+\p{Lu}|^\s*$/u.test(text.slice(i + 1, i + 3))))) {
      end = i;
      break;
    }
  }
  let t = text.slice(0, end).trim().replace(/[,\s]+$/u, '');
  if (t.length > max) {
    const cut = t.lastIndexOf(' ', max);
    t = `${t.slice(0, cut > 40 ? cut : max).replace(/[,\s]+$/u, '')}…`;
  }
  return t || text.slice(0, max).trim();
}

export function fold(s: string): string {
  return foldVi(s).replace(/\s+/g, ' ').trim();
}

export function stripEndPunct(s: string): string {
  return s.replace(/[\s:;,.]+$/u, '').trim();
}
