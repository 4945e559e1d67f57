import type { FailureStore } from './index';

/** Failures kept in the process: for one-process servers without a database and for tests. */
export function memoryFailureStore(): FailureStore {
  const byKey = new Map<string, Date[]>();
  return {
    async failures(keys, since) {
      return new Map(keys.map((k) => [k, (byKey.get(k) ?? []).filter((d) => d > since)]));
    },
    async record(keys, at) {
      for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), at]);
    },
    async clear(keys) {
      for (const k of keys) byKey.delete(k);
    },
  };
}
