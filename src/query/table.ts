/** Plain-text tables for a terminal: aligned columns, long cells cut to fit the width. */

export interface Column {
  header: string;
  /** right-align (numbers) */
  right?: boolean;
  /** this column gives up width first when the table is too wide */
  flexible?: boolean;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function cut(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly (string | number | null | undefined)[])[], maxWidth = 120): string {
  if (rows.length === 0) return '';
  const cells = rows.map((r) => columns.map((_, i) => oneLine(r[i] === null || r[i] === undefined ? '' : String(r[i]))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const gap = 2;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  // shrink the flexible columns, widest first, down to 12 characters each
  while (total() > maxWidth) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.flexible && widths[i]! > 12 && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = Math.max(12, widths[widest]! - (total() - maxWidth));
  }
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => {
        const text = cut(v, widths[i]!);
        return columns[i]!.right ? text.padStart(widths[i]!) : i === values.length - 1 ? text : text.padEnd(widths[i]!);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [header, rule, ...cells.map(line)].join('\n') + '\n';
}

export function terminalWidth(): number {
  return Math.max(60, Math.min(process.stdout.columns ?? 120, 200));
}
