/** Markdown pieces of RESULTS.md: tables and number formats. */
import type { Spread } from '../stats.ts'

/** A Markdown table; cells are written as they are. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** `value` with `digits` significant figures at most, without exponent notation. */
export function num(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a'
  const magnitude = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 1
  return value.toFixed(Math.max(0, digits - magnitude))
}

/** A median with its range: `1.23 (1.10–1.40)`. */
export function spreadOf(s: Spread, digits = 3, unit = ''): string {
  return `${num(s.median, digits)}${unit} (${num(s.min, digits)}–${num(s.max, digits)})`
}

/** A ratio with its range: `0.93x (0.88–0.97)`. */
export function ratioOf(s: Spread): string {
  return `${num(s.median, 3)}x (${num(s.min, 3)}–${num(s.max, 3)})`
}
