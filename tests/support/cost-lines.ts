import { zeroFigures, type CostLine, type LineKey } from '@/lib/chargeback/lines';
import type { Policies } from '@/lib/chargeback/policies';

/** A cost line with zero figures unless given: money in pico-dollars. */
export function line(key: Partial<LineKey> & Pick<LineKey, 'day' | 'team'>, figures: Partial<CostLine> = {}): CostLine {
  return {
    workloadClass: 'customer_support',
    model: 'gpt-test',
    provider: 'openai',
    pool: '',
    kind: 'usage',
    source: '',
    ...key,
    ...zeroFigures(),
    ...figures,
  } as CostLine;
}

export const usd = (dollars: string): bigint => {
  const [whole, frac = ''] = dollars.split('.');
  return (
    BigInt(whole!) * 10n ** 12n + BigInt((frac + '0'.repeat(12)).slice(0, 12)) * (dollars.startsWith('-') ? -1n : 1n)
  );
};

export const POLICIES: Policies = {
  idlePolicy: 'share',
  fixedCosts: [
    {
      id: 1,
      name: 'Tracing',
      layer: 5,
      category: 'observability',
      monthlyUsd: '300.000000',
      rule: 'weighted',
      team: null,
      workloadClass: null,
      fixedShares: null,
    },
    {
      id: 2,
      name: 'Contract archive',
      layer: 2,
      category: 'storage',
      monthlyUsd: '90.000000',
      rule: 'assigned',
      team: 'legal',
      workloadClass: null,
      fixedShares: null,
    },
  ],
};
