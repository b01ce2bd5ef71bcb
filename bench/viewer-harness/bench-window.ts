/** What the bench page exposes to the driver in bench/json-viewer.bench.ts. */
export interface BenchState {
  longTasks: { start: number; duration: number }[];
  startedAt: number;
  treeVisibleAt: number | null;
  /** When the first lines of the body showed (the preview while the tree is built). */
  firstLinesAt: number | null;
}

export interface BenchWindow {
  bench: BenchState;
  /** Resolves with the time at which `done()` first holds, checked on every DOM change and frame. */
  benchUntil(done: () => boolean): Promise<number>;
  /** The floor: reads the whole body over the same RPC in pages of `pageBytes`, decoding each and keeping nothing. Resolves with the time taken. */
  benchReadFloor(pageBytes: number): Promise<number>;
}
