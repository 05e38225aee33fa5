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

/** A dot set as the page holds it: its attributes, parsed only when the motion starts. */
interface RawDots {
  role: string;
  cls: string;
  d: string;
  from: string | null;
  order: number;
}

function shownDots(svg: SVGSVGElement): RawDots[] {
  return [...svg.querySelectorAll<SVGPathElement>('[data-layer="door-dots"] path[data-role]')].map((p) => ({
    role: p.getAttribute("data-role") ?? "held",
    cls: p.getAttribute("class") ?? "",
    d: p.getAttribute("d") ?? "",
    from: p.getAttribute("data-from"),
    order: Number(p.getAttribute("data-order") ?? 0),
  }));
}

const parse = (raw: readonly RawDots[]) => raw.map((r) => dotSet(r.role, r.cls, r.d, r.from, r.order));

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
  stamps: Map<Tint, HTMLCanvasElement>;
  half: number;
}

const stampCache = new Map<string, Stamps>();

/** A bitmap of one dot in each colour, at the canvas's scale; made once per colour scheme and size. */
function makeStamps(colours: Colours, r: number): Stamps {
  const id = `${colours.dark}:${r}`;
  const known = stampCache.get(id);
  if (known) return known;
  const palette = colours.palette;
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
  stampCache.set(id, { stamps, half });
  return { stamps, half };
}

const layers = new WeakMap<HTMLCanvasElement, HTMLCanvasElement>();

/** The canvas's settled layer: the same off-screen canvas each time, cleared. */
function settledLayer(canvas: HTMLCanvasElement): HTMLCanvasElement {
  let layer = layers.get(canvas);
  if (!layer || layer.width !== canvas.width || layer.height !== canvas.height) {
    layer = Object.assign(document.createElement("canvas"), { width: canvas.width, height: canvas.height });
    layers.set(canvas, layer);
  } else layer.getContext("2d")!.clearRect(0, 0, layer.width, layer.height);
  return layer;
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
 * Paints the moving dots frame by frame: those waiting to leave, where they are; those on their
 * way; and the door's turning vanes. A dot that lands is stamped once into a settled layer that each
 * frame copies whole, so the work of a frame shrinks as the motion goes on.
 */
function painter(canvas: HTMLCanvasElement, plan: Plan, colours: Colours, sceneWidth: number) {
  const scale = canvas.width / sceneWidth;
  const { stamps, half } = makeStamps(colours, plan.radius * scale);
  const settledCanvas = settledLayer(canvas);
  const settled = settledCanvas.getContext("2d")!;
  const main = canvas.getContext("2d")!;
  const put = (c: CanvasRenderingContext2D, tint: Tint, x: number, y: number, alpha = 1, whole = false): void => {
    if (alpha <= 0.01) return;
    c.globalAlpha = alpha;
    // On its way a dot is drawn on whole pixels: cheaper, and the difference is invisible at speed.
    const px = x * scale - half;
    const py = y * scale - half;
    c.drawImage(stamps.get(tint)!, whole ? Math.round(px) : px, whole ? Math.round(py) : py);
  };
  const movers = plan.sprites.filter((s) => s.via).sort((a, b) => a.start - b.start);
  // The door turns while people pass, and the canvas is redrawn only while something on it moves.
  const passing = movers.reduce((end, s) => Math.max(end, s.end), 0);
  let settledAll = false;
  let next = 0;
  const moving: Sprite[] = [];
  const at: SpriteFrame = { x: 0, y: 0, alpha: 0, tint: "held" };

  const vanes = (t: number): void => {
    const angle = ((45 + plan.turn * ease(passing ? Math.min(1, t / passing) : 1)) * Math.PI) / 180;
    const reach = plan.doorRadius * scale;
    const [cx, cy] = [plan.door.x * scale, plan.door.y * scale];
    main.globalAlpha = 1;
    main.strokeStyle = colours.door;
    main.lineWidth = 2 * scale;
    main.lineCap = "round";
    main.beginPath();
    for (const a of [angle, angle + Math.PI / 2]) {
      main.moveTo(cx - Math.cos(a) * reach, cy - Math.sin(a) * reach);
      main.lineTo(cx + Math.cos(a) * reach, cy + Math.sin(a) * reach);
    }
    main.stroke();
  };

  return (t: number): void => {
    if (settledAll) return;
    settledAll = t >= passing;
    for (; next < movers.length && movers[next]!.start <= t; next++) moving.push(movers[next]!);
    let kept = 0;
    for (const s of moving) {
      if (t < s.end) moving[kept++] = s;
      else put(settled, s.tint1, s.x1, s.y1, s.a1);
    }
    moving.length = kept;
    main.globalAlpha = 1;
    main.clearRect(0, 0, canvas.width, canvas.height);
    main.drawImage(settledCanvas, 0, 0);
    for (let i = next; i < movers.length; i++) {
      const s = movers[i]!;
      put(main, s.tint0, s.x0, s.y0, s.a0, true);
    }
    for (const s of moving) {
      spriteAt(s, plan.door, t, at);
      put(main, at.tint, at.x, at.y, at.alpha, true);
    }
    vanes(t);
  };
}

function makePlan(svg: SVGSVGElement, scene: Scene, mode: MotionMode): Plan {
  const from = parse(shownDots(svg));
  return (mode === "animate" ? flowPlan : fadePlan)(from, sceneDots(scene), doorGeometry(scene));
}

/** Past this, the first frame stops after making the plan and sets the stage in the next one. */
const FRAME_BUDGET_MS = 12;

/**
 * Draws a door scene into an SVG: at once ("instant": a resize), with the flows ("animate"), or with
 * a cross-fade for readers who reduce motion ("reduce"). The step change itself only schedules the
 * work; the SVG keeps showing the last state until the first frame of the motion replaces it.
 */
export function drawDoor(svg: SVGSVGElement, scene: Scene, mode: MotionMode): void {
  const parent = svg.isConnected ? svg.parentElement : null;
  // The size variants share one canvas: a resize that swaps them stops the one that was moving.
  for (const variant of parent?.querySelectorAll<SVGSVGElement>("svg[data-size]") ?? [svg]) stop(variant);
  if (mode === "instant" || !parent) {
    // A detached copy is the idle warm-up: it makes a plan and a stage, so the reader's first step is not cold.
    if (mode !== "instant") stageScene(scene, makePlan(svg, scene, mode));
    render(svg, scene, { duration: 0 });
    return;
  }
  const run: Running = { frame: 0, scene, staged: false, fades: [] };
  running.set(svg, run);
  // Set from the step change to the end of the motion, so tests and the bench can wait for it.
  svg.dataset.motion = mode;
  run.frame = requestAnimationFrame((now) => {
    const began = performance.now();
    // Everything is read from the page before the SVG changes, so nothing forces a layout.
    const box = svg.getBoundingClientRect();
    const parentBox = parent.getBoundingClientRect();
    const colours = tintColours(svg);
    const plan = makePlan(svg, scene, mode);
    const setStage = (first: number): void => {
      const setUp = performance.now();
      run.staged = true;
      if (box.width === 0) {
        stop(svg);
        return;
      }
      render(svg, stageScene(scene, plan), { duration: 0 });
      const paint = painter(canvasOver(svg, box, parentBox), plan, colours, scene.width);
      svg.classList.add(MOVING, QUIET);
      run.fades = startFades(svg);
      const labelsAt = mode === "animate" ? plan.duration * 0.6 : 0;
      const tick = (at: number): void => {
        const t = at - first;
        paint(t);
        if (t >= labelsAt) svg.classList.remove(QUIET);
        if (t < plan.duration) run.frame = requestAnimationFrame(tick);
        else stop(svg);
      };
      tick(first);
      // Named, so the bench (and a reader's devtools) can see what setting up the motion costs.
      performance.measure("revolving-door:door-motion-setup", { start: setUp });
    };
    performance.measure("revolving-door:door-motion-plan", { start: began });
    if (performance.now() - began < FRAME_BUDGET_MS) setStage(now);
    else run.frame = requestAnimationFrame(setStage);
  });
}
