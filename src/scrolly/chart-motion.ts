import { drawDoor, type MotionMode } from "../charts/door/motion.ts";
import type { Scene } from "../render/scene.ts";

export type { MotionMode };

/**
 * Charts that move their marks their own way instead of through render()'s keyed transition: the
 * door moves a thousand dots on a canvas. Every other chart is drawn by render().
 */
export const chartMotion: Record<string, (svg: SVGSVGElement, scene: Scene, mode: MotionMode) => void> = {
  door: drawDoor,
};
