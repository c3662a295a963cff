import { describe, expect, it } from 'vitest';
import { priorityScore } from '../src/prioritize/score.js';

const none = { internetExposed: false, sensitiveDataReachable: false, production: false, attackPaths: 0 };

describe('priority score', () => {
  it('starts from the severity', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((severity) => priorityScore(severity as 'high', none))).toEqual([80, 60, 40, 20, 5]);
  });

  it('adds context: exposure 10, sensitive data 8, production 5, 3 per attack path up to 3 paths', () => {
    expect(priorityScore('high', { ...none, internetExposed: true })).toBe(70);
    expect(priorityScore('high', { internetExposed: true, sensitiveDataReachable: true, production: true, attackPaths: 5 })).toBe(92);
    expect(priorityScore('critical', { internetExposed: true, sensitiveDataReachable: true, production: true, attackPaths: 1 })).toBe(100);
  });

  it('halves context for low findings and ignores it for info', () => {
    expect(priorityScore('low', { ...none, internetExposed: true, sensitiveDataReachable: true })).toBe(29);
    expect(priorityScore('info', { ...none, internetExposed: true })).toBe(5);
  });

  it('lets a medium finding on an exposed, sensitive, production asset outrank a plain high one', () => {
    expect(priorityScore('medium', { internetExposed: true, sensitiveDataReachable: true, production: true, attackPaths: 1 })).toBeGreaterThan(priorityScore('high', none));
  });
});
