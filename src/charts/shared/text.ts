/**
 * The width of a label in the charts' sans-serif type, estimated from its characters: wide capitals
 * and digits, narrow punctuation. Layouts use it to keep labels inside the frame and apart.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[ilI.,:;'|!()[\]\s]/.test(ch)) em += 0.3;
    else if (/[mwMW@]/.test(ch)) em += 0.85;
    else if (/[A-Z0-9]/.test(ch)) em += 0.64;
    else em += 0.54;
  }
  return em * fontSize * (bold ? 1.1 : 1.04);
}
