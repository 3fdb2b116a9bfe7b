import { createLoader, parseAsStringLiteral } from 'nuqs/server';
import { filterParams } from '../../_data/filter-params';

export const BREAKDOWNS = ['model', 'provider', 'pool'] as const;
export const BASES = ['per_accepted', 'per_1m_useful', 'total'] as const;

/** A class's page: the shared filters, the breakdown shown and the waterfall's unit. */
export const workloadSearchParams = {
  ...filterParams,
  by: parseAsStringLiteral(BREAKDOWNS).withDefault('model'),
  basis: parseAsStringLiteral(BASES).withDefault('per_accepted'),
};

export const loadWorkloadSearchParams = createLoader(workloadSearchParams);
