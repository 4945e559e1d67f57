import { request, type Fetch } from './client';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  action?: string | null;
  userId?: string | null;
}

export function listAudit(q: AuditQuery = {}, fetch?: Fetch): Promise<AuditPage> {
  return request('GET', '/audit', { query: { page: q.page, pageSize: q.pageSize, action: q.action, userId: q.userId }, fetch });
}
