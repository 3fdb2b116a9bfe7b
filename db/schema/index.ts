export * from './registry';
export * from './events';
export * from './pricebook';
export * from './access';
export * from './rollups';
export * from './allocations';
export * from './chargeback';
export * from './auth';
