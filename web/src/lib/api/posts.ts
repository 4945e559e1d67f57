import { request, type Fetch } from './client';
import type { Post } from './types';

export function getPost(id: string, fetch?: Fetch): Promise<{ post: Post }> {
  return request('GET', `/posts/${encodeURIComponent(id)}`, { fetch });
}
