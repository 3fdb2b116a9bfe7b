/**
 * The columns of CUT's FOCUS export, in file order: FOCUS 1.2 columns (with the 1.3 provider and
 * split-allocation columns where they apply), then CUT's own `x_` columns. The data type is the
 * FOCUS one; the manifest lists them with it.
 */
type FocusType = 'String' | 'Decimal' | 'Date/Time' | 'JSON';

export interface FocusColumn {
  name: string;
  type: FocusType;
  /** the FOCUS version that introduced it; null for CUT's own columns */
  since: '1.0' | '1.1' | '1.2' | '1.3' | null;
}

const col = (name: string, type: FocusType, since: FocusColumn['since'] = '1.0'): FocusColumn => ({
  name,
  type,
  since,
});

export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  col('BillingAccountId', 'String'),
  col('BillingAccountName', 'String'),
  col('BillingCurrency', 'String'),
  col('BillingPeriodStart', 'Date/Time'),
  col('BillingPeriodEnd', 'Date/Time'),
  col('ChargePeriodStart', 'Date/Time'),
  col('ChargePeriodEnd', 'Date/Time'),
  col('ChargeCategory', 'String'),
  col('ChargeClass', 'String', '1.1'),
  col('ChargeFrequency', 'String'),
  col('ChargeDescription', 'String'),
  col('BilledCost', 'Decimal'),
  col('EffectiveCost', 'Decimal'),
  col('ListCost', 'Decimal'),
  col('ContractedCost', 'Decimal', '1.1'),
  col('PricingQuantity', 'Decimal'),
  col('PricingUnit', 'String'),
  col('ConsumedQuantity', 'Decimal', '1.1'),
  col('ConsumedUnit', 'String', '1.1'),
  col('InvoiceIssuerName', 'String'),
  col('ProviderName', 'String'),
  col('PublisherName', 'String'),
  col('ServiceProviderName', 'String', '1.3'),
  col('HostProviderName', 'String', '1.3'),
  col('ServiceName', 'String'),
  col('ServiceCategory', 'String'),
  col('ServiceSubcategory', 'String', '1.1'),
  col('SubAccountId', 'String'),
  col('SubAccountName', 'String'),
  col('SubAccountType', 'String', '1.2'),
  col('ResourceId', 'String'),
  col('ResourceName', 'String'),
  col('ResourceType', 'String'),
  col('SkuId', 'String'),
  col('SkuMeter', 'String', '1.1'),
  col('Tags', 'JSON'),
  col('AllocatedMethodId', 'String', '1.3'),
  col('AllocatedResourceId', 'String', '1.3'),
  col('AllocatedResourceName', 'String', '1.3'),
  col('AllocatedTags', 'JSON', '1.3'),
];

/** CUT's measures: after every FOCUS column, `x_` and PascalCase, never a ratio. */
export const CUT_COLUMNS: readonly FocusColumn[] = [
  col('x_CostKind', 'String', null),
  col('x_WorkloadClass', 'String', null),
  col('x_Model', 'String', null),
  col('x_ModelProvider', 'String', null),
  col('x_GpuPool', 'String', null),
  col('x_L1ModelCost', 'Decimal', null),
  col('x_L2ServingCost', 'Decimal', null),
  col('x_L3WorkloadCost', 'Decimal', null),
  col('x_L4OrchestrationCost', 'Decimal', null),
  col('x_L5OperationsCost', 'Decimal', null),
  col('x_Requests', 'Decimal', null),
  col('x_InputTokens', 'Decimal', null),
  col('x_CachedTokens', 'Decimal', null),
  col('x_OutputTokens', 'Decimal', null),
  col('x_UsefulOutputTokens', 'Decimal', null),
  col('x_AcceptedWorkflows', 'Decimal', null),
  col('x_GpuHours', 'Decimal', null),
  col('x_IdlePolicy', 'String', null),
];

export const ALL_COLUMNS: readonly FocusColumn[] = [...FOCUS_COLUMNS, ...CUT_COLUMNS];

export type FocusRow = Record<string, string | null>;
