/**
 * The messages an embed and its host exchange. Formats newsrooms already support, so a host page
 * that runs pym.js or AMP resizes our iframes without our script.
 */
export const MESSAGE_TYPE = "revolving-door:height";
export const REQUEST_TYPE = "revolving-door:request-height";

/** pym.js v1 wire format: pymxPYMx<id>xPYMx<type>xPYMx<value>. */
export const pymMessage = (id: string, height: number): string => `pymxPYMx${id}xPYMxheightxPYMx${height}`;

export const ampMessage = (height: number) => ({ sentinel: "amp", type: "embed-size", height }) as const;

export const ownMessage = (id: string, height: number) => ({ type: MESSAGE_TYPE, id, height }) as const;

export interface OwnMessage {
  type: typeof MESSAGE_TYPE;
  id: string;
  height: number;
}

export function isOwnMessage(data: unknown): data is OwnMessage {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.type === MESSAGE_TYPE && typeof d.id === "string" && typeof d.height === "number" && Number.isFinite(d.height)
  );
}

/** A pym.js parent asking for a height: pymxPYMx<id>xPYMxwidthxPYMx<px>. */
export function isPymWidthMessage(data: unknown): boolean {
  return typeof data === "string" && data.startsWith("pymxPYMx") && data.includes("xPYMxwidthxPYMx");
}
