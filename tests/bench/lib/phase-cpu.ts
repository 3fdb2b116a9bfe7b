/**
 * Where a phase's CPU went: this process (Node: pricing, encoding, deriving), the PostgreSQL
 * backends serving this database, and how busy the whole machine was (other work skews figures).
 */
import type { Database } from '../../../db/client';
import { cpuSeconds, machineCpu } from './proc-stats';

export interface PhaseCpu {
  wallS: number;
  nodeCpuS: number;
  /** backends of this database only; the server's shared processes (WAL writer, checkpointer) are not in it */
  dbCpuS: number;
  machineBusyPct: number;
}

async function backendCpu(db: Database): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuSeconds(pid));
    } catch {
      // a backend on another machine, or gone: its CPU cannot be read here
    }
  }
  return cpu;
}

export async function startPhase(db: Database): Promise<() => Promise<PhaseCpu>> {
  const started = performance.now();
  const machine = machineCpu();
  const node = process.cpuUsage();
  const backends = await backendCpu(db);
  return async () => {
    const wallS = (performance.now() - started) / 1000;
    const used = process.cpuUsage(node);
    const nowMachine = machineCpu();
    let dbCpuS = 0;
    for (const [pid, cpu] of await backendCpu(db)) dbCpuS += cpu - (backends.get(pid) ?? 0);
    return {
      wallS,
      nodeCpuS: (used.user + used.system) / 1e6,
      dbCpuS,
      machineBusyPct: ((nowMachine.busy - machine.busy) / (nowMachine.total - machine.total)) * 100,
    };
  };
}

export const describeCpu = (c: PhaseCpu) =>
  `wall ${c.wallS.toFixed(1)} s; CPU: bench process ${c.nodeCpuS.toFixed(1)} s, this database's backends ` +
  `${c.dbCpuS.toFixed(1)} s; whole machine ${c.machineBusyPct.toFixed(0)}% busy`;
