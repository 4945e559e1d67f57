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
  /** all other transitions in one open-addressing table keyed by (state, id): no Map per step */
  private readonly hState: Int32Array;
  private readonly hId: Int32Array;
  private readonly hTo: Int32Array;
  private readonly hMask: number;
  /** out as flat arrays: outs of state s are outFlat[outStart[s] … outStart[s + 1]) */
  private readonly outStart: Int32Array;
  private readonly outFlat: Int32Array;

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
    let edges = 0;
    for (let st = 1; st < this.next.length; st++) edges += this.next[st]!.size;
    let cap = 16;
    while (cap < edges * 2) cap *= 2;
    this.hMask = cap - 1;
    this.hState = new Int32Array(cap).fill(-1);
    this.hId = new Int32Array(cap);
    this.hTo = new Int32Array(cap);
    for (let st = 1; st < this.next.length; st++) {
      for (const [id, t] of this.next[st]!) {
        let h = slotOf(st, id) & this.hMask;
        while (this.hState[h] !== -1) h = (h + 1) & this.hMask;
        this.hState[h] = st;
        this.hId[h] = id;
        this.hTo[h] = t;
      }
    }
    this.outStart = new Int32Array(this.out.length + 1);
    for (let st = 0; st < this.out.length; st++) this.outStart[st + 1] = this.outStart[st]! + this.out[st]!.length;
    this.outFlat = new Int32Array(this.outStart[this.out.length]!);
    for (let st = 0; st < this.out.length; st++) this.outFlat.set(this.out[st]!, this.outStart[st]!);
  }

  /** Transition from a non-root state, or -1. */
  private step(s: number, id: number): number {
    const mask = this.hMask;
    const hs = this.hState;
    let h = slotOf(s, id) & mask;
    for (;;) {
      const k = hs[h]!;
      if (k === -1) return -1;
      if (k === s && this.hId[h] === id) return this.hTo[h]!;
      h = (h + 1) & mask;
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
      let t = s === 0 ? -1 : this.step(s, id);
      while (t === -1 && s !== 0) {
        s = this.fail[s]!;
        if (s !== 0) t = this.step(s, id);
      }
      if (t === -1) {
        const r = id < this.rootNext.length ? this.rootNext[id]! : -1;
        t = r < 0 ? 0 : r;
      }
      s = t;
      const end = this.outStart[s + 1]!;
      for (let k = this.outStart[s]!; k < end; k++) onHit(this.outFlat[k]!, i);
    }
  }
}

function slotOf(s: number, id: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 0;
}
