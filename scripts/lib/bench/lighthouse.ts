import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { browserPath } from "../browser-path.ts";
import { CHROMIUM_FLAGS } from "../browser.ts";

/**
 * One Lighthouse run with its default configuration, which is the mobile profile: a Moto G-class
 * phone, simulated slow 4G and 4× CPU slowdown. LCP and TBT are Lighthouse's simulated (Lantern)
 * estimates, not observations.
 */
export async function lighthouseRun(url: string): Promise<Record<string, number>> {
  const chrome = await chromeLauncher.launch({
    chromePath: browserPath() ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result!.lhr;
    const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(audit("largest-contentful-paint")),
      cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
      tbtMs: Math.round(audit("total-blocking-time")),
    };
  } finally {
    chrome.kill();
  }
}
