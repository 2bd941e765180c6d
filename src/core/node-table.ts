/** Number fields of a node, kept as float64: zxids and times may pass 2^31. */
export const Num = { czxid: 0, mzxid: 1, pzxid: 2, ctime: 3, mtime: 4 } as const;
/** Small integer fields of a node, kept as int32; -1 is "none" for the links. */
export const Int = {
  version: 0,
  cversion: 1,
  aversion: 2,
  acl: 3,
  kind: 4,
  parent: 5,
  firstChild: 6,
  nextSibling: 7,
  previousSibling: 8,
  numChildren: 9,
} as const;

type NumSlot = (typeof Num)[keyof typeof Num];
type IntSlot = (typeof Int)[keyof typeof Int];

const NUM_SLOTS = 5;
const INT_SLOTS = 10;
const GROWTH = 1.5;

/**
 * Fixed-size fields of every node in two typed arrays, one row per node id: a million nodes cost
 * two allocations instead of a million objects, and nothing in them is for the GC to trace.
 * Released ids are handed out again.
 */
export class NodeTable {
  private nums: Float64Array;
  private ints: Int32Array;
  private nextId = 0;
  private readonly released: number[] = [];

  constructor(
    private cap: number,
    /** Told the new capacity whenever the table grows, so parallel columns can follow. */
    private readonly grown: (capacity: number) => void,
  ) {
    this.nums = new Float64Array(cap * NUM_SLOTS);
    this.ints = new Int32Array(cap * INT_SLOTS);
  }

  get capacity(): number {
    return this.cap;
  }

  /** Ids ever handed out: every live id is below it. */
  get idLimit(): number {
    return this.nextId;
  }

  /** A free id, its fields zero and its links -1. */
  allocate(): number {
    const id = this.released.pop() ?? this.nextId++;
    if (id >= this.cap) this.grow();
    this.nums.fill(0, id * NUM_SLOTS, (id + 1) * NUM_SLOTS);
    const row = id * INT_SLOTS;
    this.ints.fill(0, row, row + INT_SLOTS);
    this.ints.fill(-1, row + Int.parent, row + Int.previousSibling + 1);
    return id;
  }

  release(id: number): void {
    this.released.push(id);
  }

  num(id: number, slot: NumSlot): number {
    return this.nums[id * NUM_SLOTS + slot] as number;
  }

  setNum(id: number, slot: NumSlot, value: number): void {
    this.nums[id * NUM_SLOTS + slot] = value;
  }

  int(id: number, slot: IntSlot): number {
    return this.ints[id * INT_SLOTS + slot] as number;
  }

  setInt(id: number, slot: IntSlot, value: number): void {
    this.ints[id * INT_SLOTS + slot] = value;
  }

  private grow(): void {
    this.cap = Math.ceil(this.cap * GROWTH) + 16;
    const nums = new Float64Array(this.cap * NUM_SLOTS);
    nums.set(this.nums);
    this.nums = nums;
    const ints = new Int32Array(this.cap * INT_SLOTS);
    ints.set(this.ints);
    this.ints = ints;
    this.grown(this.cap);
  }
}
