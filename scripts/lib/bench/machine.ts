import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** What the bench ran on, read from the machine itself, so the figures can be judged for what they are. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  chromium: string;
  /** One-minute load average when the bench started and ended: a shared machine's timings are noisier. */
  loadStart: number;
  loadEnd: number;
}

export const loadNow = (): number => Math.round(loadavg()[0]! * 100) / 100;

export function describeMachine(chromium: string, loadStart: number): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadStart,
    loadEnd: loadNow(),
  };
}

export const machineLine = (m: Machine): string =>
  `${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, headless Chromium ${m.chromium}; ` +
  `load average ${m.loadStart} at the start, ${m.loadEnd} at the end`;
