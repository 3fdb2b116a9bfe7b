import { createLoader } from 'nuqs/server';
import { filterParams } from '../_data/filter-params';

/** The workloads pages share the dashboard filters (the class comes from the path on a class's page). */
export const workloadsSearchParams = filterParams;

export const loadWorkloadsSearchParams = createLoader(workloadsSearchParams);
