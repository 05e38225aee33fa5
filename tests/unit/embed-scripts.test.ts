import { afterEach, describe, expect, it, vi } from "vitest";
import { MESSAGE_TYPE, REQUEST_TYPE } from "../../src/embed/protocol.ts";
import { fakeBrowser, setBox } from "../support/fake-browser.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** A window of one frame: what it was sent, and a way to send from it. */
const frameWindow = () => ({
  sent: [] as [unknown, string][],
  postMessage(data: unknown, origin: string) {
    this.sent.push([data, origin]);
  },
});

/**
 * A newsroom's page with our iframes (and one stranger's), the host script loaded into it. Each of
 * our frames gets a window the test controls, as a browser gives each iframe its own.
 */
async function hostPage(prepare: (frames: Record<string, HTMLIFrameElement>) => void = () => undefined) {
  const browser = fakeBrowser(`
    <iframe data-revolving-door id="plain" src="https://story.example/embed/deals/"></iframe>
    <iframe data-revolving-door id="sandboxed" sandbox="allow-scripts" src="https://story.example/embed/routes/"></iframe>
    <iframe data-revolving-door id="same-origin" sandbox="allow-scripts allow-same-origin" src="https://story.example/embed/prisoners/"></iframe>
    <iframe id="stranger" src="https://ads.example/"></iframe>`);
  vi.stubGlobal("location", { href: "https://news.example/article.html" });
  const frames = Object.fromEntries(
    ["plain", "sandboxed", "same-origin", "stranger"].map((id) => {
      const element = browser.document.getElementById(id) as HTMLIFrameElement;
      const win = frameWindow();
      Object.defineProperty(element, "contentWindow", { value: win });
      Object.defineProperty(element, "src", { value: element.getAttribute("src") });
      return [id, { element, win }];
    }),
  );
  prepare(Object.fromEntries(Object.entries(frames).map(([id, f]) => [id, f.element])));
  await import("../../src/embed/host.ts");
  const send = (from: unknown, origin: string, data: unknown): void => {
    browser.window.dispatch("message", { source: from, origin, data });
  };
  const height = (id: string): string => frames[id]!.element.style.height;
  return { browser, frames, send, height };
}

const message = (height: number) => ({ type: MESSAGE_TYPE, id: "x", height });

describe("the host script (on a newsroom's page)", () => {
  it("resizes the iframe a message comes from, when it comes from the embed's own origin", async () => {
    const { frames, send, height } = await hostPage();
    send(frames.plain!.win, "https://story.example", message(512.4));
    expect(height("plain")).toBe("512px");
    expect(height("sandboxed")).toBe("");
  });

  it("ignores the right frame speaking from another origin (it was navigated away)", async () => {
    const { frames, send, height } = await hostPage();
    send(frames.plain!.win, "https://ads.example", message(5));
    send(frames.plain!.win, "null", message(5));
    expect(height("plain")).toBe("");
  });

  it("ignores a frame that is not ours, the page itself, and messages not in our format", async () => {
    const { browser, frames, send, height } = await hostPage();
    send(frames.stranger!.win, "https://story.example", message(5));
    send(browser.window, "https://story.example", message(5));
    send(frames.plain!.win, "https://story.example", { type: "other", id: "x", height: 5 });
    send(frames.plain!.win, "https://story.example", "pymxPYMxxxPYMxheightxPYMx5");
    expect(height("plain")).toBe("");
  });

  it('trusts the opaque origin "null" only from a frame sandboxed without allow-same-origin', async () => {
    const { frames, send, height } = await hostPage();
    send(frames.sandboxed!.win, "https://ads.example", message(200));
    expect(height("sandboxed")).toBe("");
    send(frames.sandboxed!.win, "null", message(300));
    send(frames["same-origin"]!.win, "null", message(300));
    expect(height("sandboxed")).toBe("300px");
    expect(height("same-origin")).toBe("");
  });

  it("never sets a negative height", async () => {
    const { frames, send, height } = await hostPage();
    send(frames.plain!.win, "https://story.example", message(-40));
    expect(height("plain")).toBe("0px");
  });

  it("asks each of our embeds for its height at once and when it loads, only at the embed's origin", async () => {
    const { frames } = await hostPage();
    const request = { type: REQUEST_TYPE };
    expect(frames.plain!.win.sent).toEqual([[request, "https://story.example"]]);
    expect(frames.sandboxed!.win.sent).toEqual([[request, "*"]]);
    expect(frames["same-origin"]!.win.sent).toEqual([[request, "https://story.example"]]);
    expect(frames.stranger!.win.sent).toEqual([]);
    frames.plain!.element.dispatchEvent(new frames.plain!.element.ownerDocument.defaultView!.Event("load"));
    expect(frames.plain!.win.sent.length).toBe(2);
  });

  it("waits for a lazy iframe to load its page before asking, and asks a cross-origin one at once", async () => {
    const document = { URL: "about:blank" };
    const { frames } = await hostPage((f) => {
      Object.defineProperty(f.plain, "contentDocument", { get: () => document });
      // A loaded cross-origin frame's document cannot be read at all.
      Object.defineProperty(f.sandboxed, "contentDocument", {
        get: () => {
          throw new Error("SecurityError");
        },
      });
    });
    expect(frames.plain!.win.sent).toEqual([]);
    expect(frames.sandboxed!.win.sent).toEqual([[{ type: REQUEST_TYPE }, "*"]]);
    document.URL = "https://story.example/embed/deals/";
    frames.plain!.element.dispatchEvent(new frames.plain!.element.ownerDocument.defaultView!.Event("load"));
    expect(frames.plain!.win.sent).toEqual([[{ type: REQUEST_TYPE }, "https://story.example"]]);
  });
});

/** An embed page inside an iframe: its content wrapper, its parent's window, and the observer. */
async function embedPage(
  search = "",
  wrapper = '<div data-embed data-embed-id="revolving-door-deals-kellogg"></div>',
  height = 640.2,
) {
  const browser = fakeBrowser(wrapper);
  const parent = frameWindow();
  browser.window.parent = parent;
  vi.stubGlobal("location", { search });
  let observed: (() => void) | undefined;
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: () => void) {
        observed = callback;
      }
      // As a browser's does: observing nothing is a TypeError.
      observe(target: unknown): void {
        if (!target) throw new TypeError("ResizeObserver.observe: Argument 1 is not an object.");
      }
    },
  );
  const element = browser.document.querySelector("[data-embed]");
  if (element) setBox(element, { height });
  await import("../../src/embed/child.ts");
  return { browser, parent, element, resize: () => observed?.() };
}

describe("the embed page's script (inside the iframe)", () => {
  it("tells its parent its content's height at once, in our format, pym.js's and AMP's", async () => {
    const { parent } = await embedPage();
    expect(parent.sent).toEqual([
      [{ type: MESSAGE_TYPE, id: "revolving-door-deals-kellogg", height: 641 }, "*"],
      ["pymxPYMxrevolving-door-deals-kelloggxPYMxheightxPYMx641", "*"],
      [{ sentinel: "amp", type: "embed-size", height: 641 }, "*"],
    ]);
  });

  it("without an id from its host or its page, calls itself revolving-door", async () => {
    const { parent } = await embedPage("", "<div data-embed></div>");
    expect(parent.sent[0]![0]).toMatchObject({ id: "revolving-door" });
  });

  it("tells its height at once even when it is 0, so the host drops its fallback height", async () => {
    const { parent } = await embedPage("", undefined, 0);
    expect(parent.sent[0]![0]).toMatchObject({ height: 0 });
  });

  it.each([
    ["?theme=light", "light"],
    ["?theme=dark", "dark"],
    ["?theme=auto", "light dark"],
    ["?theme=sepia", ""],
    ["?theme=", ""],
    ["", ""],
  ])("with %j, sets the colour scheme to %j", async (search, scheme) => {
    const { browser } = await embedPage(search);
    expect(browser.document.documentElement.style.colorScheme).toBe(scheme);
  });

  it.each([
    ["?background=paper", "paper"],
    ["?background=white", undefined],
    ["?theme=dark", undefined],
  ])("with %j, sets the page's background to %j", async (search, background) => {
    const { browser } = await embedPage(search);
    expect(browser.document.documentElement.dataset.background).toBe(background);
  });

  it("uses the id a pym.js host gives it", async () => {
    const { parent } = await embedPage("?childId=story-embed-3");
    expect(parent.sent[0]![0]).toMatchObject({ id: "story-embed-3" });
  });

  it("tells again when its height changes, and only then", async () => {
    const { parent, element, resize } = await embedPage();
    resize();
    expect(parent.sent.length).toBe(3);
    setBox(element!, { height: 500 });
    resize();
    expect(parent.sent.length).toBe(6);
    expect(parent.sent[3]![0]).toMatchObject({ height: 500 });
  });

  it("answers its parent's request, ours or pym.js's, even when nothing changed; ignores anyone else", async () => {
    const { browser, parent } = await embedPage();
    browser.window.dispatch("message", { source: parent, data: { type: REQUEST_TYPE } });
    expect(parent.sent.length).toBe(6);
    browser.window.dispatch("message", { source: parent, data: "pymxPYMxaxPYMxwidthxPYMx600" });
    expect(parent.sent.length).toBe(9);
    browser.window.dispatch("message", { source: {}, data: { type: REQUEST_TYPE } });
    browser.window.dispatch("message", { source: parent, data: { type: "other" } });
    browser.window.dispatch("message", { source: parent, data: null });
    expect(parent.sent.length).toBe(9);
  });

  it("stays quiet when it is not framed, or has no content wrapper", async () => {
    const alone = await embedPage();
    alone.browser.window.parent = alone.browser.window;
    setBox(alone.element!, { height: 500 });
    alone.resize();
    expect(alone.parent.sent.length).toBe(3);
    vi.resetModules();
    const bare = await embedPage("", "<p>no wrapper</p>");
    expect(bare.parent.sent).toEqual([]);
  });
});
