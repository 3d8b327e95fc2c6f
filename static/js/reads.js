// What the camera's frames mean, with no DOM in it (node runs it in tests/web/test_camera_js.py):
// which code in a frame is the one aimed at, and when a code has been seen often enough to scan.

// Symbologies whose check is weak (a mod-10 digit, or none): a code is trusted only when two frames in a row
// agree. Code 128, DataBar and the 2D codes carry a strong check and scan from one frame.
export const CONFIRM = { ean_13: 2, ean_8: 2, upc_a: 2, upc_e: 2, code_39: 2, code_93: 2, itf: 2, codabar: 2 };
// A code must leave the view this long before the same code scans again.
export const GONE_MS = 1000;
// Two frames "in a row" may have frames with nothing read between them, but not this long a gap.
const STREAK_MS = 700;
// Two codes inside the aim: the nearer one wins only when it is this much nearer the centre.
const CLEARLY_NEARER = 0.5;

function centre(code) {
  const box = code.boundingBox;
  if (box) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const pts = code.cornerPoints || [];
  if (!pts.length) return null;
  return { x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length };
}

const inside = (p, r) => p && p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/**
 * The code aimed at among one frame's codes (positions in frame pixels, aim = the aiming box there):
 * {code, count} where code is null when several codes compete and none is clearly at the aim.
 */
export function aimedCode(codes, aim) {
  const seen = new Map();
  for (const c of codes) if (c.rawValue && !seen.has(`${c.format}:${c.rawValue}`)) seen.set(`${c.format}:${c.rawValue}`, c);
  const distinct = [...seen.values()];
  if (distinct.length <= 1) return { code: distinct[0] || null, count: distinct.length };
  const mid = { x: aim.x + aim.width / 2, y: aim.y + aim.height / 2 };
  const placed = distinct.map((c) => ({ c, p: centre(c) }))
    .map(({ c, p }) => ({ c, p, d: p ? Math.hypot(p.x - mid.x, p.y - mid.y) : Infinity }))
    .sort((a, b) => a.d - b.d);
  const aimed = placed.filter(({ p }) => inside(p, aim));
  if (aimed.length === 1) return { code: aimed[0].c, count: distinct.length };
  if (aimed.length > 1 && aimed[0].d < CLEARLY_NEARER * aimed[1].d) return { code: aimed[0].c, count: distinct.length };
  return { code: null, count: distinct.length };
}

/** Frames to scans: a code scans once while in view, after CONFIRM agreeing frames for weak symbologies. */
export class Reads {
  constructor() {
    this.visible = new Map();  // key -> last time seen
    this.streak = null;        // {key, hits, last}: the same code in consecutive frames
  }

  /** The code aimed at in the frame decoded at `now` (or null); returns the code to emit, if any. */
  frame(code, now) {
    for (const [key, last] of this.visible) if (now - last > GONE_MS) this.visible.delete(key);
    if (this.streak && now - this.streak.last > STREAK_MS) this.streak = null;
    if (!code) return null;
    const key = `${code.format}:${code.rawValue}`;
    // Any other code breaks the streak (one already scanned too): a misread counts only in consecutive frames.
    if (!this.streak || this.streak.key !== key) this.streak = { key, hits: 0 };
    if (this.visible.has(key)) {
      this.visible.set(key, now);
      return null;
    }
    this.streak.hits += 1;
    this.streak.last = now;
    if (this.streak.hits < (CONFIRM[code.format] || 1)) return null;
    this.streak = null;
    this.visible.set(key, now);
    return code;
  }

  clear() {
    this.visible.clear();
    this.streak = null;
  }
}
