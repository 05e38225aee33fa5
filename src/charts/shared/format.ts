import { format } from "d3-format";

/** Counts as a newsroom prints them: 1,184. */
export const formatCount = format(",");
