/**
 * Linux /proc readers: a process's resident memory and CPU time, and the machine's CPU busy time,
 * so the report can say where the cores went (server, this client, the rest: the database).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** VmRSS in kB, or null once the process is gone. */
function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** User + system CPU seconds the process has used so far (children excluded). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
}

/** Machine-wide busy and total CPU seconds (all cores) from the first line of /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = ticks[3]! + ticks[4]!;
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** Samples a process's VmRSS every `intervalMs` until stopped; returns the peak in MB. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): { peakMb: number; samples: number } } {
  let peakKb = rssKb(pid) ?? 0;
  let samples = 1;
  const timer = setInterval(() => {
    const kb = rssKb(pid);
    if (kb === null) return;
    samples++;
    if (kb > peakKb) peakKb = kb;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const kb = rssKb(pid);
      if (kb !== null && kb > peakKb) peakKb = kb;
      return { peakMb: peakKb / 1024, samples: samples + 1 };
    },
  };
}

export function currentRssMb(pid: number): number {
  return (rssKb(pid) ?? 0) / 1024;
}
