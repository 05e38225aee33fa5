import { dealsChart } from "./deals/index.ts";
import { doorChart } from "./door/index.ts";
import { routesChart } from "./routes/index.ts";
import { prisonersChart } from "./prisoners/index.ts";
import type { ChartModule } from "./types.ts";

/** Every chart a story section may name in its front matter, by id. */
export const charts: Record<string, ChartModule> = {
  [doorChart.id]: doorChart,
  [prisonersChart.id]: prisonersChart,
  [dealsChart.id]: dealsChart,
  [routesChart.id]: routesChart,
};

export const chartIds = Object.keys(charts);
