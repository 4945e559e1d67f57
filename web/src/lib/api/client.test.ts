import { describe, expect, it } from 'vitest';
import { buildPath, readCookie } from './client';
import { match } from '../../params/id';

describe('readCookie', () => {
  const cases: [string, string, string | null][] = [
    ['tdtt_csrf=abc123; other=1', 'tdtt_csrf', 'abc123'],
    ['a=1;  tdtt_csrf=x%3Dy ', 'tdtt_csrf', 'x=y'],
    ['xtdtt_csrf=nope', 'tdtt_csrf', null],
    ['', 'tdtt_csrf', null],
  ];
  it.each(cases)('%s', (cookies, name, want) => expect(readCookie(cookies, name)).toBe(want));
});

describe('buildPath', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildPath('/api/coverage', { plan: null, month: '2026-10' })).toBe('/api/coverage?month=2026-10');
    expect(buildPath('/api/coverage', { plan: 'a b', month: '' })).toBe('/api/coverage?plan=a+b');
    expect(buildPath('/api/coverage', {})).toBe('/api/coverage');
  });
});

describe('id param matcher', () => {
  const cases: [string, boolean][] = [
    ['42', true],
    ['so-tttt', true],
    ['unit:12.3_a', true],
    ['', false],
    ['a b', false],
    ['<script>', false],
    ['x'.repeat(201), false],
  ];
  it.each(cases)('%s → %s', (id, ok) => expect(match(id)).toBe(ok));
});
