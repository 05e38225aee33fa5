import { joinRun, leaveRun } from "./run-root.ts";

/** Global setup for every project: one run folder for all temp files, checked and removed at the end. */
export default function setup(): () => void {
  joinRun();
  return leaveRun;
}
