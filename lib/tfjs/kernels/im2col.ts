// im2col and its adjoint col2im for channels-last 2-D convolutions, over plain typed arrays (used by conv kernels).
import type { backend_util } from '@tensorflow/tfjs';

/**
 * Visits every (patch p, filter tap (r, s)) pair whose input pixel lies inside the image: `visit(colStart,
 * xStart)` gets the offsets of that tap's inC-long channel run in cols [P, K] and in x [N, inH, inW, inC].
 * `outside(colStart)` gets the taps that read padding. P = N·outH·outW, K = fh·fw·inC, row p = one patch.
 */
function forEachTap(
  info: backend_util.Conv2DInfo,
  visit: (colStart: number, xStart: number) => void,
  outside: (colStart: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { top, left } = info.padInfo;
  let col = 0;
  for (let b = 0; b < batchSize; b++) {
    const xBatch = b * inHeight * inWidth * inChannels;
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        for (let r = 0; r < filterHeight; r++) {
          const iy = oy * strideHeight - top + r * dilationHeight;
          const rowInside = iy >= 0 && iy < inHeight;
          for (let s = 0; s < filterWidth; s++, col += inChannels) {
            const ix = ox * strideWidth - left + s * dilationWidth;
            if (rowInside && ix >= 0 && ix < inWidth) visit(col, xBatch + (iy * inWidth + ix) * inChannels);
            else outside(col);
          }
        }
      }
    }
  }
}

/** Fills cols [P, K] with the receptive field of every output position (zeros where it reads padding). */
export function im2col(x: Float32Array, cols: Float32Array, info: backend_util.Conv2DInfo): void {
  const channels = info.inChannels;
  forEachTap(
    info,
    (col, src) => {
      for (let c = 0; c < channels; c++) cols[col + c] = x[src + c];
    },
    (col) => cols.fill(0, col, col + channels),
  );
}

/** Adds every row of cols [P, K] back onto the input pixels it was read from: dx must start zeroed. */
export function col2im(cols: Float32Array, dx: Float32Array, info: backend_util.Conv2DInfo): void {
  const channels = info.inChannels;
  forEachTap(
    info,
    (col, dst) => {
      for (let c = 0; c < channels; c++) dx[dst + c] += cols[col + c];
    },
    () => undefined,
  );
}
