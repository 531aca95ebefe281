import { PNG } from 'pngjs';

/** The sizes Teams requires of the two app icons. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** A decoded PNG: width, height and RGBA bytes, row by row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a PNG file's bytes; throws with `name` in the message when they are no PNG. */
export function decodePng(bytes: Uint8Array, name: string): Rgba {
  try {
    const png = PNG.sync.read(Buffer.from(bytes));
    return {
      width: png.width,
      height: png.height,
      data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${name} is not a readable PNG (${reason})`, { cause });
  }
}

/** Encodes RGBA pixels as a PNG file's bytes. */
export function encodePng(image: Rgba): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data);
  return PNG.sync.write(png);
}

function sizeProblem(name: string, image: Rgba, size: number): string[] {
  return image.width === size && image.height === size
    ? []
    : [`${name} is ${image.width}×${image.height}, must be ${size}×${size}`];
}

/** Teams' rule for the outline icon: white on a fully transparent background. */
function outlineProblems(image: Rgba): string[] {
  const problems: string[] = [];
  const corners = [0, image.width - 1, (image.height - 1) * image.width, image.height * image.width - 1];
  if (corners.some((pixel) => image.data[pixel * 4 + 3] !== 0))
    problems.push('outline.png: the background must be transparent (a corner pixel is not)');
  let coloured = 0;
  let visible = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i + 3] === 0) continue;
    visible += 1;
    if (image.data[i] !== 255 || image.data[i + 1] !== 255 || image.data[i + 2] !== 255) coloured += 1;
  }
  if (coloured > 0)
    problems.push(`outline.png: ${coloured} visible pixels are not white (Teams shows only white on transparent)`);
  if (visible === 0) problems.push('outline.png: the icon is empty (every pixel transparent)');
  return problems;
}

/** Everything wrong with the two icons, given their PNG bytes. An empty list means they fit Teams' rules. */
export function checkIcons(files: { color: Uint8Array; outline: Uint8Array }): string[] {
  let color: Rgba;
  let outline: Rgba;
  try {
    color = decodePng(files.color, 'color.png');
    outline = decodePng(files.outline, 'outline.png');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const problems = [
    ...sizeProblem('color.png', color, ICON_SIZES.color),
    ...sizeProblem('outline.png', outline, ICON_SIZES.outline),
  ];
  return problems.length > 0 ? problems : outlineProblems(outline);
}
