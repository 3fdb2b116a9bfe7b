/**
 * FOCUS ServiceCategory / ServiceSubcategory of a fixed cost, from its category (free text in the
 * price book; the demo's and the common ones are mapped) or, failing that, from its layer.
 */
const BY_CATEGORY: Record<string, { category: string; subcategory: string }> = {
  network: { category: 'Networking', subcategory: 'Network Connectivity' },
  storage: { category: 'Storage', subcategory: 'Other (Storage)' },
  evaluation: { category: 'AI and Machine Learning', subcategory: 'Other (AI and Machine Learning)' },
  observability: { category: 'Management and Governance', subcategory: 'Observability' },
  security_review: { category: 'Security', subcategory: 'Other (Security)' },
  audit: { category: 'Management and Governance', subcategory: 'Compliance' },
  engineering_upkeep: { category: 'Developer Tools', subcategory: 'Other (Developer Tools)' },
  incident_response: { category: 'Management and Governance', subcategory: 'Support' },
};

const BY_LAYER: Record<2 | 4 | 5, { category: string; subcategory: string }> = {
  2: { category: 'Compute', subcategory: 'Other (Compute)' },
  4: { category: 'AI and Machine Learning', subcategory: 'Other (AI and Machine Learning)' },
  5: { category: 'Management and Governance', subcategory: 'Other (Management and Governance)' },
};

export function serviceOfFixedCost(category: string, layer: 2 | 4 | 5): { category: string; subcategory: string } {
  return BY_CATEGORY[category.toLowerCase()] ?? BY_LAYER[layer];
}
