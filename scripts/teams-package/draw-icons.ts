import { ICON_SIZES, type Rgba } from './icons.js';

/** klikbot's colour: the icon background and the manifest's accentColor. */
export const ACCENT = '#1F5FAD';

type Point = readonly [number, number];
type Colour = readonly [number, number, number, number];

const WHITE: Colour = [255, 255, 255, 255];
const CLEAR: Colour = [255, 255, 255, 0];
// 4×4 samples a pixel: edges get 17 levels of coverage, enough that nothing looks stepped at 32 px
const SAMPLES = 4;

function hexColour(hex: string): Colour {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/** Signed distance to a rounded rectangle given by its centre, half sizes and corner radius (negative inside). */
// Math.hypot is several times slower than this in V8, and nothing here needs its overflow care
function length(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

function roundedRect(p: Point, centre: Point, half: Point, radius: number): number {
  const qx = Math.abs(p[0] - centre[0]) - (half[0] - radius);
  const qy = Math.abs(p[1] - centre[1]) - (half[1] - radius);
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return length(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function polylineDistance(p: Point, points: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < points.length; i += 1) best = Math.min(best, segmentDistance(p, points[i - 1]!, points[i]!));
  return best;
}

/** Signed distance to a triangle (negative inside). */
function triangle(p: Point, corners: readonly [Point, Point, Point]): number {
  const [a, b, c] = corners;
  const distance = Math.min(segmentDistance(p, a, b), segmentDistance(p, b, c), segmentDistance(p, c, a));
  const side = (u: Point, v: Point) => (v[0] - u[0]) * (p[1] - u[1]) - (v[1] - u[1]) * (p[0] - u[0]);
  const [s1, s2, s3] = [side(a, b), side(b, c), side(c, a)];
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  return inside ? -distance : distance;
}

/** A speech bubble: a rounded box with a tail at the lower left; all in units of the icon's side. */
interface Bubble {
  centre: Point;
  half: Point;
  radius: number;
  tail: readonly [Point, Point, Point];
}

function bubbleDistance(p: Point, bubble: Bubble): number {
  // the union of two shapes is the nearer of the two distances
  return Math.min(roundedRect(p, bubble.centre, bubble.half, bubble.radius), triangle(p, bubble.tail));
}

/** Renders a shader over unit coordinates, averaging SAMPLES² points a pixel (premultiplied, so edges do not darken). */
function rasterize(size: number, shade: (p: Point) => Colour): Rgba {
  const data = new Uint8Array(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let i = 0; i < n; i += 1) {
        const sample = shade([
          (x + ((i % SAMPLES) + 0.5) / SAMPLES) / size,
          (y + (Math.floor(i / SAMPLES) + 0.5) / SAMPLES) / size,
        ]);
        const alpha = sample[3] / 255;
        r += sample[0] * alpha;
        g += sample[1] * alpha;
        b += sample[2] * alpha;
        a += alpha;
      }
      const offset = (y * size + x) * 4;
      // fully transparent pixels stay white: a viewer that scales without premultiplying then draws no dark fringe
      const pixel = a === 0 ? CLEAR : [r / a, g / a, b / a, (a / n) * 255];
      for (let c = 0; c < 4; c += 1) data[offset + c] = Math.round(pixel[c]!);
    }
  }
  return { width: size, height: size, data };
}

const colourBubble: Bubble = {
  centre: [0.5, 0.45],
  half: [0.3, 0.22],
  radius: 0.1,
  tail: [
    [0.3, 0.55],
    [0.46, 0.6],
    [0.27, 0.8],
  ],
};
const colourCheck: Point[] = [
  [0.375, 0.45],
  [0.46, 0.535],
  [0.63, 0.365],
];

/** The 192×192 colour icon: a white speech bubble with a check mark, on klikbot's blue. */
export function renderColorIcon(): Rgba {
  const accent = hexColour(ACCENT);
  return rasterize(ICON_SIZES.color, (p) => {
    if (bubbleDistance(p, colourBubble) > 0) return accent;
    return polylineDistance(p, colourCheck) <= 0.035 ? accent : WHITE;
  });
}

const outlineBubble: Bubble = {
  centre: [0.5, 0.42],
  half: [0.42, 0.3],
  radius: 0.14,
  tail: [
    [0.22, 0.55],
    [0.42, 0.62],
    [0.17, 0.92],
  ],
};
const outlineCheck: Point[] = [
  [0.31, 0.42],
  [0.44, 0.55],
  [0.69, 0.3],
];
// two pixels wide at 32 px: the width Teams' own outline icons use
const OUTLINE_HALF_WIDTH = 1 / 32;

/** The 32×32 outline icon: the same bubble and check, drawn as white strokes on transparent. */
export function renderOutlineIcon(): Rgba {
  return rasterize(ICON_SIZES.outline, (p) => {
    const onBubble = Math.abs(bubbleDistance(p, outlineBubble)) <= OUTLINE_HALF_WIDTH;
    const onCheck = polylineDistance(p, outlineCheck) <= OUTLINE_HALF_WIDTH * 1.1;
    return onBubble || onCheck ? WHITE : CLEAR;
  });
}
