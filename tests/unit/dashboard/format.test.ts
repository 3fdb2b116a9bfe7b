import { describe, expect, it } from 'vitest';
import * as f from '@/lib/dashboard/format';

describe('dashboard formats', () => {
  it.each([
    ['1234.567000', '$1,234.57'],
    ['0.323456', '$0.323'],
    ['0.300000', '$0.300'],
    ['0.012345', '$0.0123'],
    ['0.000001', '$0.000001'],
    ['0', '$0.00'],
    ['-2.500000', '-$2.50'],
  ])('usd(%s) = %s', (value, text) => {
    expect(f.usd(value)).toBe(text);
  });
  it.each([
    ['0.800000', '$0.80'],
    ['0.075000', '$0.075'],
    ['15.000000', '$15.00'],
  ])('price(%s) keeps every decimal: %s', (value, text) => {
    expect(f.price(value)).toBe(text);
  });
  it('signs: +$12.30, −$4.10, +12.3%, −4%, +2.1 pp, −0.5 pp', () => {
    expect([f.signedUsd('12.300000'), f.signedUsd('-4.100000'), f.signedUsd('0.000000')]).toEqual([
      '+$12.30',
      '−$4.10',
      '$0.00',
    ]);
    expect([f.change(0.123), f.change(-0.04), f.change(null)]).toEqual(['+12.3%', '−4%', '—']);
    expect([f.pointsChange(0.021), f.pointsChange(-0.005), f.pointsChange(0)]).toEqual(['+2.1 pp', '−0.5 pp', '0 pp']);
  });
  it('CUT in micro-dollars per token, rates, latency, hours, units', () => {
    expect(f.microUsd('400.583333')).toBe('400.58 µ$');
    expect(f.rate(0.7843)).toBe('78.4%');
    expect([f.ms(850.4), f.ms(12_400), f.ms(null)]).toEqual(['850 ms', '12.4 s', '—']);
    expect(f.hours(156.55)).toBe('156.6 h');
    expect(f.tokens(1873.4)).toBe('1,873 tokens');
    expect(f.perUnitLabel('resolved ticket')).toBe('USD per resolved ticket');
  });
});
