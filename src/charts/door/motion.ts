import { render } from "../../render/render.ts";
import type { Scene } from "../../render/scene.ts";
import { dotSet, fadePlan, flowPlan, spriteAt, type DotSet, type Plan, type Tint } from "./plan.ts";

/**
 * The door's motion in the browser. The SVG is always the complete target state (drawn at once by
 * the shared render()); while the dots move, a canvas laid over it draws them and the SVG's own dots
 * are hidden. A canvas draws 1,500 moving dots in a millisecond or two a frame, where moving as many
 * SVG nodes costs a style and layout pass each frame.
 */
export type MotionMode = "animate" | "reduce" | "instant";

const TINTS: Tint[] = ["held", "new", "net", "us", "other", "left"];
const MOVING = "door-moving";
const ALPHA_STEPS = 12;

interface Running {
  frame: number;
  labels: Animation | undefined;
  vanes: Animation | undefined;
}

const running = new WeakMap<SVGSVGElement, Running>();
const colours = new WeakMap<SVGSVGElement, { dark: boolean; map: Map<Tint, string> }>();

/** The dots the SVG shows now: the state the motion starts from. */
function shownDots(svg: SVGSVGElement): DotSet[] {
  return [...svg.querySelectorAll<SVGPathElement>('[data-layer="door-dots"] path[data-role]')].map((p) =>
    dotSet(p.dataset.role ?? "held", p.getAttribute("class") ?? "", p.getAttribute("d") ?? "", null, 0),
  );
}

/** The stroke colour of each kind of dot, as the page's CSS paints it in the reader's colour scheme. */
function tintColours(svg: SVGSVGElement): Map<Tint, string> {
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const known = colours.get(svg);
  if (known?.dark === dark) return known.map;
  const map = new Map<Tint, string>();
  const probe = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "path");
  svg.append(probe);
  for (const tint of TINTS) {
    probe.setAttribute("class", `door-dots door-dots--${tint}`);
    map.set(tint, getComputedStyle(probe).stroke);
  }
  probe.remove();
  colours.set(svg, { dark, map });
  return map;
}

function stop(svg: SVGSVGElement): void {
  const run = running.get(svg);
  if (!run) return;
  cancelAnimationFrame(run.frame);
  run.labels?.cancel();
  run.vanes?.cancel();
  running.delete(svg);
  svg.classList.remove(MOVING);
  const canvas = svg.parentElement?.querySelector<HTMLCanvasElement>("canvas.door-canvas");
  canvas?.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
}

/** The canvas over this SVG, sized to it in device pixels. */
function canvasOver(svg: SVGSVGElement, box: DOMRect, scene: Scene): CanvasRenderingContext2D | null {
  const parent = svg.parentElement;
  if (!parent) return null;
  let canvas = parent.querySelector<HTMLCanvasElement>("canvas.door-canvas");
  if (!canvas) {
    canvas = svg.ownerDocument.createElement("canvas");
    canvas.className = "door-canvas";
    canvas.setAttribute("aria-hidden", "true");
    parent.append(canvas);
  }
  const ratio = window.devicePixelRatio || 1;
  const parentBox = parent.getBoundingClientRect();
  Object.assign(canvas.style, {
    left: `${box.left - parentBox.left}px`,
    top: `${box.top - parentBox.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  canvas.width = Math.round(box.width * ratio);
  canvas.height = Math.round(box.height * ratio);
  const context = canvas.getContext("2d");
  context?.setTransform((box.width * ratio) / scene.width, 0, 0, (box.height * ratio) / scene.height, 0, 0);
  return context;
}

/** One frame: dots bucketed by colour and by opacity, so a frame is a few dozen fills, not thousands. */
function paint(context: CanvasRenderingContext2D, plan: Plan, palette: Map<Tint, string>, t: number): void {
  const buckets = new Map<string, number[]>();
  const add = (tint: Tint, alpha: number, x: number, y: number): void => {
    const level = Math.round(alpha * ALPHA_STEPS);
    if (level <= 0) return;
    const id = `${tint}:${level}`;
    let list = buckets.get(id);
    if (!list) buckets.set(id, (list = []));
    list.push(x, y);
  };
  for (const s of plan.sprites) {
    const [x, y, alpha, mix] = spriteAt(s, plan.door, t);
    if (mix < 1) add(s.tint0, alpha * (1 - mix), x, y);
    if (mix > 0) add(s.tint1, alpha * mix, x, y);
  }
  const { canvas } = context;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.restore();
  const r = plan.radius;
  for (const [id, xy] of buckets) {
    const [tint, level] = id.split(":") as [Tint, string];
    context.globalAlpha = Number(level) / ALPHA_STEPS;
    context.fillStyle = palette.get(tint) ?? "#000";
    context.beginPath();
    for (let i = 0; i < xy.length; i += 2) {
      context.moveTo(xy[i]! + r, xy[i + 1]!);
      context.arc(xy[i]!, xy[i + 1]!, r, 0, 2 * Math.PI);
    }
    context.fill();
  }
  context.globalAlpha = 1;
}

/**
 * Draws a door scene into an SVG: at once ("instant": the server, a resize), with the flows
 * ("animate"), or with a cross-fade for readers who reduce motion ("reduce").
 */
export function drawDoor(svg: SVGSVGElement, scene: Scene, mode: MotionMode): void {
  stop(svg);
  if (mode === "instant") {
    render(svg, scene, { duration: 0 });
    return;
  }
  // Read everything from the page before changing it, so the change forces no extra layout.
  const from = shownDots(svg);
  const box = svg.isConnected ? svg.getBoundingClientRect() : undefined;
  const plan = mode === "animate" ? flowPlan(from, scene) : fadePlan(from, scene);
  render(svg, scene, { duration: 0 });
  // A detached copy (the idle warm-up) only makes the plan, so the reader's first step is not cold.
  const context = box ? canvasOver(svg, box, scene) : null;
  if (!context) return;
  svg.classList.add(MOVING);
  const labels = svg.querySelector('[data-layer="door-labels"]');
  const vanes = svg.querySelector(".door-vanes");
  const run: Running = {
    frame: 0,
    labels: labels?.animate([{ opacity: 0 }, { opacity: 1 }], {
      duration: plan.duration * 0.25,
      delay: mode === "animate" ? plan.duration * 0.6 : 0,
      fill: "backwards",
    }),
    vanes:
      mode === "animate"
        ? vanes?.animate([{ transform: "rotate(0deg)" }, { transform: "rotate(270deg)" }], {
            duration: plan.duration,
            easing: "ease-in-out",
          })
        : undefined,
  };
  running.set(svg, run);
  let started = 0;
  const tick = (now: number): void => {
    started ||= now;
    const t = now - started;
    paint(context, plan, tintColours(svg), t);
    if (t < plan.duration) run.frame = requestAnimationFrame(tick);
    else stop(svg);
  };
  run.frame = requestAnimationFrame(tick);
}
