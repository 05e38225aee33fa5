import { whenIdle } from "../../render/idle.ts";
import { render } from "../../render/render.ts";
import type { Mark, Scene } from "../../render/scene.ts";
import { dotsPath } from "./dots.ts";
import {
  doorGeometry,
  dotSet,
  ease,
  fadePlan,
  flowPlan,
  sceneDots,
  spriteAt,
  type DotSet,
  type Plan,
  type Sprite,
  type SpriteFrame,
  type Tint,
} from "./plan.ts";

/**
 * The door's motion in the browser. While the dots move, the SVG shows a stage: the dots that hold
 * still, and those that only fade (each fade one path, faded by the browser). A canvas laid over it
 * draws the dots that move, stamping one small bitmap per dot; a dot waiting to leave or one that has
 * arrived is stamped once, into a layer the canvas copies each frame. Moving 1,500 SVG nodes instead
 * would cost a style, layout and paint pass per frame. When the motion ends, the SVG gets the
 * complete state, as render() draws it everywhere else, and the canvas is cleared.
 */
export type MotionMode = "animate" | "reduce" | "instant";

const TINTS: Tint[] = ["held", "new", "net", "us", "other", "left"];
/** While the canvas turns the door, the SVG hides its own vanes; while the dots fly, the new labels wait. */
const MOVING = "door-moving";
const QUIET = "door-quiet";

interface Running {
  frame: number;
  /** The state being drawn, put in place at once if the motion is stopped once its stage is set. */
  scene: Scene;
  staged: boolean;
  fades: Animation[];
}

const running = new WeakMap<SVGSVGElement, Running>();

/**
 * The dots the SVG shows, where the motion starts from: only where each dot is and what kind, since
 * a plan takes the slots and order of leaving from the state it goes to (the shown state's own
 * leavers are already outside).
 */
function shownDots(svg: SVGSVGElement): DotSet[] {
  return [...svg.querySelectorAll<SVGPathElement>('[data-layer="door-dots"] path[data-role]')].map((p) =>
    dotSet(p.getAttribute("data-role")!, p.getAttribute("class") ?? "", p.getAttribute("d") ?? "", null, 0),
  );
}

interface Colours {
  palette: Map<Tint, string>;
  door: string;
  dark: boolean;
}

const colourCache = new WeakMap<SVGSVGElement, Colours>();

/** The stroke colour of each kind of dot, and of the door, as the page's CSS paints them (light or dark). */
function tintColours(svg: SVGSVGElement): Colours {
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const known = colourCache.get(svg);
  if (known?.dark === dark) return known;
  const palette = new Map<Tint, string>();
  const probe = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "path");
  svg.append(probe);
  for (const tint of TINTS) {
    probe.setAttribute("class", `door-dots door-dots--${tint}`);
    palette.set(tint, getComputedStyle(probe).stroke);
  }
  probe.setAttribute("class", "door-vanes");
  const colours = { palette, door: getComputedStyle(probe).stroke, dark };
  probe.remove();
  colourCache.set(svg, colours);
  return colours;
}

/** Ends a motion, finished or not: the SVG shows its state complete, and the canvas is cleared. */
function stop(svg: SVGSVGElement): void {
  const run = running.get(svg);
  if (!run) return;
  cancelAnimationFrame(run.frame);
  // Tells a set-up still under way (see inFrames) that it has been stopped.
  run.frame = -1;
  for (const fade of run.fades) fade.cancel();
  running.delete(svg);
  delete svg.dataset.motion;
  // Stopped before its first frame, a motion has changed nothing: the SVG still shows the last state.
  if (run.staged) render(svg, run.scene, { duration: 0 });
  svg.classList.remove(MOVING, QUIET);
  const canvas = svg.parentElement?.querySelector<HTMLCanvasElement>("canvas.door-canvas");
  canvas?.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
}

/** The canvas over this SVG, sized to it in device pixels; the parent's box is read before any change. */
function canvasOver(svg: SVGSVGElement, box: DOMRect, parentBox: DOMRect): HTMLCanvasElement {
  const parent = svg.parentElement!;
  let canvas = parent.querySelector<HTMLCanvasElement>("canvas.door-canvas");
  if (!canvas) {
    canvas = svg.ownerDocument.createElement("canvas");
    canvas.className = "door-canvas";
    canvas.setAttribute("aria-hidden", "true");
    parent.append(canvas);
  }
  const ratio = window.devicePixelRatio || 1;
  Object.assign(canvas.style, {
    left: `${box.left - parentBox.left}px`,
    top: `${box.top - parentBox.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  const width = Math.round(box.width * ratio);
  const height = Math.round(box.height * ratio);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  return canvas;
}

interface Stamps {
  /** The colours and radius they were made for. */
  id: string;
  stamps: Map<Tint, HTMLCanvasElement>;
  half: number;
}

/**
 * A bitmap of one dot in each colour, at the canvas's scale; made again only when the colours or the
 * size change. Kept with the SVG's layers rather than in one cache for the page, so a new figure (or
 * a test's) starts afresh.
 */
function makeStamps(layers: Layers, colours: Colours, r: number): Stamps {
  const palette = colours.palette;
  const id = `${[...palette.values()].join("|")}:${r}`;
  if (layers.stamps?.id === id) return layers.stamps;
  const size = Math.ceil(r * 2 + 2);
  const half = size / 2;
  const stamps = new Map<Tint, HTMLCanvasElement>();
  for (const [tint, colour] of palette) {
    const stamp = document.createElement("canvas");
    stamp.width = stamp.height = size;
    const c = stamp.getContext("2d")!;
    c.fillStyle = colour;
    c.beginPath();
    c.arc(half, half, r, 0, 2 * Math.PI);
    c.fill();
    stamps.set(tint, stamp);
  }
  layers.stamps = { id, stamps, half };
  return layers.stamps;
}

/** The painter's two off-screen layers: dots that have arrived, and dots waiting to leave. */
interface Layers {
  settled: HTMLCanvasElement;
  waiting: HTMLCanvasElement;
  stamps?: Stamps;
}

const layerCache = new WeakMap<SVGSVGElement, Layers>();

/** The same two off-screen canvases each time for one SVG, cleared; new ones only when its size changes. */
function layersFor(svg: SVGSVGElement, width: number, height: number): Layers {
  let layers = layerCache.get(svg);
  if (!layers || layers.settled.width !== width || layers.settled.height !== height) {
    const blank = (): HTMLCanvasElement => Object.assign(document.createElement("canvas"), { width, height });
    layers = { settled: blank(), waiting: blank() };
    layerCache.set(svg, layers);
  } else for (const layer of [layers.settled, layers.waiting]) layer.getContext("2d")!.clearRect(0, 0, width, height);
  return layers;
}

const still = (s: Sprite): boolean => !s.via && s.a0 === 1 && s.a1 === 1;

/**
 * The SVG during the motion: the target state with its dots replaced by those that hold still and
 * those that fade, one path per colour and per fade (its timing in data attributes).
 */
function stageScene(scene: Scene, plan: Plan): Scene {
  const groups = new Map<string, { tint: Tint; sprites: Sprite[] }>();
  for (const s of plan.sprites) {
    if (s.via) continue;
    const id = still(s) ? s.tint1 : `${s.tint1}:${s.start}:${s.end}:${s.a0}:${s.a1}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { tint: s.tint1, sprites: [] }));
    group.sprites.push(s);
  }
  const width = String(plan.radius * 2);
  const marks: Mark[] = [...groups.entries()].map(([id, { tint, sprites }]) => {
    const first = sprites[0]!;
    const fading = still(first)
      ? {}
      : { "data-fade": `${first.start} ${first.end} ${first.a0} ${first.a1}`, opacity: first.a0 };
    return {
      key: `stage-${id}`,
      tag: "path",
      attrs: {
        d: dotsPath(sprites.map((s) => ({ x: s.x0, y: s.y0 }))),
        class: `door-dots door-dots--${tint}`,
        "stroke-width": width,
        ...fading,
      },
    };
  });
  return { ...scene, layers: scene.layers.map((l) => (l.id === "door-dots" ? { id: l.id, marks } : l)) };
}

/** Starts the browser's fades of the stage's fading paths. */
function startFades(svg: SVGSVGElement): Animation[] {
  return [...svg.querySelectorAll<SVGPathElement>("[data-fade]")].map((path) => {
    const [start, end, a0, a1] = (path.dataset.fade ?? "").split(" ").map(Number) as [number, number, number, number];
    return path.animate([{ opacity: a0 }, { opacity: a1 }], {
      delay: start,
      duration: Math.max(1, end - start),
      fill: "both",
    });
  });
}

/**
 * Paints the moving dots frame by frame. The dots waiting to leave are drawn once, before the
 * motion, into a waiting layer, and each is erased from it as it sets off; one that lands is stamped
 * once into a settled layer. A frame copies both layers whole and draws only the dots on their way and the
 * door's turning vanes, so its cost follows the dots in flight, not the dots in the picture.
 * Everything here is off-screen until the returned function is given the page's canvas.
 */
function painter(layers: Layers, plan: Plan, colours: Colours, scale: number) {
  const radius = plan.radius * scale;
  const { stamps, half } = makeStamps(layers, colours, radius);
  const settled = layers.settled.getContext("2d")!;
  const waiting = layers.waiting.getContext("2d")!;
  const visible = (alpha: number): boolean => alpha > 0.01;
  // Where a dot's stamp goes, in canvas pixels. On its way a dot is drawn on whole pixels: cheaper,
  // and the difference is invisible at speed.
  const corner = (v: number, whole: boolean): number => (whole ? Math.round(v * scale - half) : v * scale - half);
  const put = (c: CanvasRenderingContext2D, tint: Tint, x: number, y: number, alpha = 1, whole = false): void => {
    if (!visible(alpha)) return;
    c.globalAlpha = alpha;
    c.drawImage(stamps.get(tint)!, corner(x, whole), corner(y, whole));
  };
  const movers = plan.sprites.filter((s) => s.via).sort((a, b) => a.start - b.start);
  // Dots that wait in the door itself (those freed after the latest count) wait on one spot, so
  // only the one on top is drawn, frame by frame; every other waiting dot has a place of its own.
  const inDoor = (s: Sprite): boolean => s.x0 === plan.door.x && s.y0 === plan.door.y;
  const lastInDoor = movers.findLast(inDoor);
  // A waiting dot sits where a stamp on whole pixels would put it, so it is drawn and erased in one place.
  const dots = (c: CanvasRenderingContext2D, sprites: readonly Sprite[], r: number): void => {
    c.beginPath();
    for (const s of sprites) {
      const x = corner(s.x0, true) + half;
      const y = corner(s.y0, true) + half;
      c.moveTo(x + r, y);
      c.arc(x, y, r, 0, 2 * Math.PI);
    }
    c.fill();
  };
  // One path per colour: a thousand arcs filled at once cost far less than a thousand stamps.
  waiting.globalCompositeOperation = "source-over";
  waiting.globalAlpha = 1;
  for (const [tint, colour] of colours.palette) {
    waiting.fillStyle = colour;
    dots(
      waiting,
      movers.filter((s) => s.tint0 === tint && visible(s.a0) && !inDoor(s)),
      radius,
    );
  }
  // Erasing fills the same place, half a pixel wider so no anti-aliased edge is left behind.
  waiting.globalCompositeOperation = "destination-out";
  const setOff: Sprite[] = [];
  // The door turns while people pass, and the canvas is redrawn only while something on it moves.
  const passing = movers.reduce((end, s) => Math.max(end, s.end), 0);
  let settledAll = false;
  let landed = false;
  let next = 0;
  const moving: Sprite[] = [];
  const at: SpriteFrame = { x: 0, y: 0, alpha: 0, tint: "held" };

  return (main: CanvasRenderingContext2D, t: number): void => {
    if (settledAll) return;
    settledAll = t >= passing;
    setOff.length = 0;
    for (; next < movers.length && movers[next]!.start <= t; next++) {
      const s = movers[next]!;
      if (!inDoor(s)) setOff.push(s);
      moving.push(s);
    }
    if (setOff.length) dots(waiting, setOff, radius + 0.5);
    let kept = 0;
    for (const s of moving) {
      if (t < s.end) moving[kept++] = s;
      else {
        put(settled, s.tint1, s.x1, s.y1, s.a1);
        landed = true;
      }
    }
    moving.length = kept;
    main.globalAlpha = 1;
    main.clearRect(0, 0, main.canvas.width, main.canvas.height);
    // Each layer is copied only while it can hold a dot: nothing has landed before the first arrival
    // ends, and nobody waits once the last has set off.
    if (landed) main.drawImage(layers.settled, 0, 0);
    if (next < movers.length) main.drawImage(layers.waiting, 0, 0);
    if (lastInDoor && lastInDoor.start > t)
      put(main, lastInDoor.tint0, lastInDoor.x0, lastInDoor.y0, lastInDoor.a0, true);
    for (const s of moving) {
      spriteAt(s, plan.door, t, at);
      put(main, at.tint, at.x, at.y, at.alpha, true);
    }
    vanes(main, plan, colours.door, scale, passing ? Math.min(1, t / passing) : 1);
  };
}

/** The door's two vanes, turned by the share of the passing that is done. */
function vanes(main: CanvasRenderingContext2D, plan: Plan, colour: string, scale: number, done: number): void {
  const angle = ((45 + plan.turn * ease(done)) * Math.PI) / 180;
  const reach = plan.doorRadius * scale;
  const [cx, cy] = [plan.door.x * scale, plan.door.y * scale];
  main.globalAlpha = 1;
  main.strokeStyle = colour;
  main.lineWidth = 2 * scale;
  main.lineCap = "round";
  main.beginPath();
  for (const a of [angle, angle + Math.PI / 2]) {
    main.moveTo(cx - Math.cos(a) * reach, cy - Math.sin(a) * reach);
    main.lineTo(cx + Math.cos(a) * reach, cy + Math.sin(a) * reach);
  }
  main.stroke();
}

/** The dots the SVG shows and those the scene asks for, parsed from their path data. */
interface DotSets {
  from: DotSet[];
  target: DotSet[];
}

const readDots = (svg: SVGSVGElement, scene: Scene): DotSets => ({
  from: shownDots(svg),
  target: sceneDots(scene),
});

function makePlan({ from, target }: DotSets, scene: Scene, mode: MotionMode): Plan {
  return (mode === "animate" ? flowPlan : fadePlan)(from, target, doorGeometry(scene));
}

/**
 * A frame's share of the off-screen set-up, in milliseconds of script: a phase that would begin past
 * it waits for the next frame, so a slow phone spreads the work (plan, stage, off-screen layers) over
 * a few frames, each short, where a fast one does it all in one.
 */
const FRAME_BUDGET_MS = 8;

/**
 * Runs the off-screen phases in order, as many per animation frame as the budget allows, then the
 * phase that changes the page in a frame of its own: its style, layout and paint come on top of its
 * script, so it starts no frame that has already done other work.
 */
function inFrames(run: Running, offScreen: (() => void)[], onPage: (now: number) => void): void {
  let i = 0;
  const frame = (now: number): void => {
    if (i === offScreen.length) {
      onPage(now);
      return;
    }
    const began = performance.now();
    do offScreen[i++]!();
    while (i < offScreen.length && run.frame !== -1 && performance.now() - began < FRAME_BUDGET_MS);
    if (run.frame !== -1) run.frame = requestAnimationFrame(frame);
  };
  run.frame = requestAnimationFrame(frame);
}

/**
 * The idle warm-up, on a detached copy of the SVG: the work of a step change (dots, plan, stage, render),
 * one part per idle period, so the reader's first step is not cold and no part of it is a long task.
 */
function warmUp(svg: SVGSVGElement, scene: Scene, mode: MotionMode): void {
  whenIdle(() => {
    const dots = readDots(svg, scene);
    whenIdle(() => {
      const plan = makePlan(dots, scene, mode);
      whenIdle(() => {
        stageScene(scene, plan);
        whenIdle(() => {
          render(svg, scene, { duration: 0 });
        });
      });
    });
  });
}

/**
 * Draws a door scene into an SVG: at once ("instant": a resize), with the flows ("animate"), or with
 * a cross-fade for readers who reduce motion ("reduce"). The step change itself only schedules the
 * work; the SVG keeps showing the last state until the motion's stage replaces it, a frame or a few
 * later, and nothing in the page changes before then.
 */
export function drawDoor(svg: SVGSVGElement, scene: Scene, mode: MotionMode): void {
  const parent = svg.isConnected ? svg.parentElement : null;
  // The size variants share one canvas: a resize that swaps them stops the one that was moving.
  for (const variant of parent?.querySelectorAll<SVGSVGElement>("svg[data-size]") ?? [svg]) stop(variant);
  if (mode === "instant") {
    render(svg, scene, { duration: 0 });
    return;
  }
  if (!parent) {
    warmUp(svg, scene, mode);
    return;
  }
  const run: Running = { frame: 0, scene, staged: false, fades: [] };
  running.set(svg, run);
  // Set from the step change to the end of the motion, so tests and the bench can wait for it.
  svg.dataset.motion = mode;
  // Everything is read from the page in the first frame, before the SVG changes, so nothing forces a layout.
  let box: DOMRect, parentBox: DOMRect, colours: Colours, dots: DotSets, plan: Plan;
  let stage: Scene, paint: ReturnType<typeof painter>;
  inFrames(
    run,
    [
      () => {
        const began = performance.now();
        box = svg.getBoundingClientRect();
        parentBox = parent.getBoundingClientRect();
        colours = tintColours(svg);
        dots = readDots(svg, scene);
        // Named, so the bench (and a reader's devtools) can see what each part of the set-up costs.
        performance.measure("revolving-door:door-motion-read", { start: began });
      },
      () => {
        const began = performance.now();
        plan = makePlan(dots, scene, mode);
        performance.measure("revolving-door:door-motion-plan", { start: began });
      },
      () => (stage = stageScene(scene, plan)),
      () => {
        const began = performance.now();
        const ratio = window.devicePixelRatio || 1;
        const [width, height] = [Math.round(box.width * ratio), Math.round(box.height * ratio)];
        paint = painter(layersFor(svg, width, height), plan, colours, width / scene.width);
        performance.measure("revolving-door:door-motion-layers", { start: began });
      },
    ],
    (first) => {
      const began = performance.now();
      run.staged = true;
      if (box.width === 0) {
        stop(svg);
        return;
      }
      render(svg, stage, { duration: 0 });
      const main = canvasOver(svg, box, parentBox).getContext("2d")!;
      svg.classList.add(MOVING, QUIET);
      run.fades = startFades(svg);
      const labelsAt = mode === "animate" ? plan.duration * 0.6 : 0;
      const tick = (at: number): void => {
        const t = at - first;
        paint(main, t);
        if (t >= labelsAt) svg.classList.remove(QUIET);
        if (t < plan.duration) run.frame = requestAnimationFrame(tick);
        else stop(svg);
      };
      tick(first);
      performance.measure("revolving-door:door-motion-setup", { start: began });
    },
  );
}
