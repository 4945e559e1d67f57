// Aho–Corasick over token ids: all phrases of all themes found in one left-to-right pass.

export interface AcHit {
  pattern: number;
  /** index of the last token of the match */
  end: number;
}

export class TokenAutomaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  readonly lengths: number[] = [];
  /** root transitions as a dense array: most steps restart at the root */
  private readonly rootNext: Int32Array;

  constructor(patterns: readonly (readonly number[])[]) {
    patterns.forEach((p, idx) => {
      let s = 0;
      for (const id of p) {
        let t = this.next[s]!.get(id);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[s]!.set(id, t);
        }
        s = t;
      }
      this.out[s]!.push(idx);
      this.lengths.push(p.length);
    });
    let maxId = 0;
    for (const id of this.next[0]!.keys()) maxId = Math.max(maxId, id + 1);
    this.rootNext = new Int32Array(maxId).fill(-1);
    for (const [id, t] of this.next[0]!) this.rootNext[id] = t;
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [id, t] of this.next[s]!) {
        queue.push(t);
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(id)) f = this.fail[f]!;
        const g = this.next[f]!.get(id);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = this.out[this.fail[t]!]!;
        if (inherited.length > 0) this.out[t] = [...this.out[t]!, ...inherited];
      }
    }
  }

  /** Calls onHit for every pattern occurrence; id -1 (unknown token) resets the state. */
  scan(ids: ArrayLike<number>, n: number, onHit: (pattern: number, end: number) => void): void {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id < 0) {
        s = 0;
        continue;
      }
      let t = s === 0 ? undefined : this.next[s]!.get(id);
      while (t === undefined && s !== 0) {
        s = this.fail[s]!;
        if (s !== 0) t = this.next[s]!.get(id);
      }
      if (t === undefined) {
        const r = id < this.rootNext.length ? this.rootNext[id]! : -1;
        t = r < 0 ? 0 : r;
      }
      s = t;
      const o = this.out[s]!;
      for (let k = 0; k < o.length; k++) onHit(o[k]!, i);
    }
  }
}
