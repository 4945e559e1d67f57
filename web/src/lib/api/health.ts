import { request, type Fetch } from './client';
import type { Health } from './types';

export function getHealth(fetch?: Fetch): Promise<Health> {
  return request('GET', '/health', { fetch });
}
