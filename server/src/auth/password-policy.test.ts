import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short', 'ngan-qua-11', /12 ký tự/],
    ['common', 'Password1234', /phổ biến/],
    ['common Vietnamese', 'matkhau12345', /phổ biến/],
    ['one character repeated', 'aaaaaaaaaaaaaa', /lặp lại/],
    ['too long', 'x'.repeat(150) + 'y'.repeat(60), /tối đa/],
  ])('refuses a %s password', (_, p, why) => expect(passwordProblem(p)).toMatch(why));

  it('accepts a long uncommon one, counting Vietnamese letters as one character each', () => {
    expect(passwordProblem('mat-khau-an-toan')).toBeNull();
    expect(passwordProblem('Đường-lên-đỉnh')).toBeNull();
  });
});
