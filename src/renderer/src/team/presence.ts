/** A colour per person, the same on every computer: derived from their id, readable on white. */
const COLOURS = ['#b3261e', '#1b6e3a', '#1d4ed8', '#8a4b00', '#6b21a8', '#0f766e', '#9d174d', '#374151'];

export function colourFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}

export type Person = { name: string; colour: string; section: string | null };
