import { isOwnMessage, REQUEST_TYPE } from "./protocol.ts";

/**
 * The optional host script newsrooms paste with the iframe. It sizes every Revolving Door iframe
 * on the page, and trusts a message only if it comes from the embed's own origin (or the opaque
 * "null" origin of a sandboxed iframe) AND from the very iframe it resizes (event.source).
 */
const SELECTOR = "iframe[data-revolving-door]";

function frames(): HTMLIFrameElement[] {
  return [...document.querySelectorAll<HTMLIFrameElement>(SELECTOR)];
}

function originOf(frame: HTMLIFrameElement): string {
  return new URL(frame.src, location.href).origin;
}

/** A sandboxed iframe without allow-same-origin posts from the opaque origin "null". */
function isOpaque(frame: HTMLIFrameElement): boolean {
  const sandbox = frame.getAttribute("sandbox");
  return sandbox !== null && !sandbox.split(/\s+/).includes("allow-same-origin");
}

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  if (!isOwnMessage(event.data)) return;
  const frame = frames().find((f) => f.contentWindow === event.source);
  if (!frame) return;
  const trusted = event.origin === originOf(frame) || (event.origin === "null" && isOpaque(frame));
  if (!trusted) return;
  frame.style.height = `${Math.max(0, Math.round(event.data.height))}px`;
});

/**
 * An iframe that has not loaded its page yet (a lazy one below the fold) still holds about:blank, and
 * a message addressed to the embed's origin would only log an error on the host's console.
 */
function hasLoaded(frame: HTMLIFrameElement): boolean {
  try {
    return frame.contentDocument?.URL !== "about:blank";
  } catch {
    return true;
  }
}

/** Ask an embed for its height, in case it loaded before this script. */
function requestHeight(frame: HTMLIFrameElement): void {
  if (!hasLoaded(frame)) return;
  frame.contentWindow?.postMessage({ type: REQUEST_TYPE }, isOpaque(frame) ? "*" : originOf(frame));
}
for (const frame of frames()) {
  requestHeight(frame);
  frame.addEventListener("load", () => {
    requestHeight(frame);
  });
}
