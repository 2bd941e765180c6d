import type { Stat } from '@zoonest/client';

/** Where the CLI writes: stdout for results, stderr for messages; JSON or text. */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  /** One result: `value` as JSON, or the text lines for people. */
  result(value: unknown, text: () => string | string[]): void {
    if (this.json) return this.line(JSON.stringify(value));
    const lines = text();
    for (const line of Array.isArray(lines) ? lines : [lines]) this.line(line);
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  raw(bytes: Uint8Array): void {
    this.out.write(bytes);
  }

  warn(text: string): void {
    this.err.write(`${text}\n`);
  }
}

const hex = (n: number | string) => `0x${BigInt(n).toString(16)}`;
const date = (ms: number) => new Date(ms).toISOString();

/** zkCli's stat layout. */
export function statLines(stat: Stat): string[] {
  return [
    `cZxid = ${hex(stat.czxid)}`,
    `ctime = ${date(stat.ctime)}`,
    `mZxid = ${hex(stat.mzxid)}`,
    `mtime = ${date(stat.mtime)}`,
    `pZxid = ${hex(stat.pzxid)}`,
    `cversion = ${stat.cversion}`,
    `dataVersion = ${stat.version}`,
    `aclVersion = ${stat.aversion}`,
    `ephemeralOwner = ${hex(stat.ephemeralOwner)}`,
    `dataLength = ${stat.dataLength}`,
    `numChildren = ${stat.numChildren}`,
  ];
}
