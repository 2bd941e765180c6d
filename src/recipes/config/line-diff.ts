type Edit = { op: ' ' | '-' | '+'; line: string };

/** Past this many cells the diff just replaces the changed middle (configs are small). */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

function edits(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((line): Edit => ({ op: ' ', line }));
  const tail = a.slice(endA).map((line): Edit => ({ op: ' ', line }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  let middle: Edit[];
  if (x.length * y.length > MAX_CELLS) {
    middle = [
      ...x.map((line): Edit => ({ op: '-', line })),
      ...y.map((line): Edit => ({ op: '+', line })),
    ];
  } else {
    // Longest common subsequence, from the end, so the walk below goes forward.
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * w + j] =
          x[i] === y[j]
            ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
      }
    }
    middle = [];
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        middle.push({ op: ' ', line: x[i++] as string });
        j++;
      } else if (
        i < x.length &&
        (j === y.length || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))
      ) {
        middle.push({ op: '-', line: x[i++] as string });
      } else {
        middle.push({ op: '+', line: y[j++] as string });
      }
    }
  }
  return [...head, ...middle, ...tail];
}

function lines(text: string): string[] {
  if (text === '') return [];
  const split = text.split('\n');
  if (split[split.length - 1] === '') split.pop();
  return split;
}

/** A unified diff of two texts (3 lines of context), empty when they are equal. */
export function unifiedDiff(
  before: string,
  after: string,
  fromLabel: string,
  toLabel: string,
): string {
  const all = edits(lines(before), lines(after));
  if (all.every((e) => e.op === ' ')) return '';
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < all.length) {
    if (all[i]?.op === ' ') {
      i++;
      oldLine++;
      newLine++;
      continue;
    }
    // A hunk: back up CONTEXT lines, run until CONTEXT*2 unchanged lines in a row.
    const back = Math.min(CONTEXT, i, oldLine - 1);
    let end = i;
    let quiet = 0;
    while (end < all.length && quiet <= CONTEXT * 2) {
      quiet = all[end]?.op === ' ' ? quiet + 1 : 0;
      end++;
    }
    end -= Math.max(0, quiet - CONTEXT);
    const hunk = all.slice(i - back, end);
    const oldCount = hunk.filter((e) => e.op !== '+').length;
    const newCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${oldLine - back},${oldCount} +${newLine - back},${newCount} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    for (const e of all.slice(i, end)) {
      if (e.op !== '+') oldLine++;
      if (e.op !== '-') newLine++;
    }
    i = end;
  }
  return `${out.join('\n')}\n`;
}
