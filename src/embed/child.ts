import { ampMessage, isPymWidthMessage, ownMessage, pymMessage, REQUEST_TYPE } from "./protocol.ts";

/**
 * Runs inside an embed page: measures the content wrapper (never body, never vh, so a host's
 * `html, body {height: 100%}` cannot feed back into the height) and tells the parent, in three formats.
 */
const wrapper = document.querySelector<HTMLElement>("[data-embed]");
const params = new URLSearchParams(location.search);
const id = params.get("childId") ?? wrapper?.dataset.embedId ?? "revolving-door";

/** The host's choice of theme and background (see embed.css); anything else keeps the defaults. */
const themes: Record<string, string> = { light: "light", dark: "dark", auto: "light dark" };
const theme = themes[params.get("theme") ?? ""];
if (theme) document.documentElement.style.colorScheme = theme;
if (params.get("background") === "paper") document.documentElement.dataset.background = "paper";
let last = 0;

function post(force = false): void {
  if (!wrapper || window.parent === window) return;
  const height = Math.ceil(wrapper.getBoundingClientRect().height);
  if (!force && height === last) return;
  last = height;
  window.parent.postMessage(ownMessage(id, height), "*");
  window.parent.postMessage(pymMessage(id, height), "*");
  window.parent.postMessage(ampMessage(height), "*");
}

if (wrapper) {
  new ResizeObserver(() => {
    post();
  }).observe(wrapper);
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    const asked =
      (typeof data === "object" && data !== null && (data as { type?: unknown }).type === REQUEST_TYPE) ||
      isPymWidthMessage(data);
    if (asked) post(true);
  });
  post(true);
}
