// Uniform grid over node centres for hit testing on the canvas renderer (thousands of nodes, every pointer move).

export class NodeGrid {
  private cells = new Map<number, number[]>();
  private readonly cellSize: number;

  constructor(
    private x: Float64Array,
    private y: Float64Array,
    private halfWidth: number,
    private halfHeight: number,
    visible?: (node: number) => boolean
  ) {
    this.cellSize = Math.max(halfWidth, halfHeight) * 2;
    for (let v = 0; v < x.length; v++) {
      if (visible && !visible(v)) {
        continue;
      }
      const key = this.key(Math.floor(x[v] / this.cellSize), Math.floor(y[v] / this.cellSize));
      const list = this.cells.get(key);
      if (list) {
        list.push(v);
      } else {
        this.cells.set(key, [v]);
      }
    }
  }

  private key(cx: number, cy: number) {
    // Cantor-free packing: coordinates stay well inside ±2^20 cells.
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  /** Node whose rectangle contains the world point, or -1. */
  hit(wx: number, wy: number): number {
    const cx = Math.floor(wx / this.cellSize);
    const cy = Math.floor(wy / this.cellSize);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const v of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          if (Math.abs(this.x[v] - wx) <= this.halfWidth && Math.abs(this.y[v] - wy) <= this.halfHeight) {
            return v;
          }
        }
      }
    }
    return -1;
  }
}
