// Sentence shape of evidence: a theme named once in an aside is a passing mention.

const isStop = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 10 || ((c === 46 || c === 33 || c === 63 || c === 59) && text.charCodeAt(i + 1) === 32);
};

/**
 * Evidence inside one sentence that is not the lead of a longer paragraph: the shape of a
 * passing mention ("… Đây là công trình chào mừng Đại hội …"). A paragraph's lead sentence
 * ("Sáng 3/2, tỉnh tổ chức lễ kỷ niệm …") states its subject, so it is not an aside.
 */
export function isAside(text: string, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) if (isStop(text, i)) return false;
  let i = from - 1;
  while (i >= 0 && !isStop(text, i)) i--;
  const lead = i < 0 || text.charCodeAt(i) === 10;
  if (!lead) return true;
  let j = to;
  while (j < text.length && !isStop(text, j)) j++;
  // The paragraph goes on after this sentence: it is a lead, not a one-line aside.
  let k = j + 1;
  while (k < text.length && text.charCodeAt(k) !== 10) k++;
  if (k - j >= 60) return false;
  // A one-sentence paragraph is an aside only when it is short.
  return j - (i + 1) < 220;
}
