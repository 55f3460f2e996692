// 本部门归集信息的查询统计 (seed 004 §四.2): one line per kind × 合计 / 记名成功 / 记名不成功 / 处理中,
// preceded by 总计提供条数; the kind cell spans its lines.
import type { CollectionStats, CollectionStatsRow, StatsCell } from '@/api/collection'

export interface StatsLine {
  key: string
  kind: string
  kindLabel: string
  state: string
  stateLabel: string
  total: StatsCell
  byCity: Record<string, StatsCell>
}

const STATE_ORDER = ['total', 'matched', 'unmatched', 'pending']
const zero = (): StatsCell => ({ year: 0, cumulative: 0 })
const add = (a: StatsCell, b: StatsCell | undefined): StatsCell => ({ year: a.year + (b?.year ?? 0), cumulative: a.cumulative + (b?.cumulative ?? 0) })

export function statsLines(stats: CollectionStats): StatsLine[] {
  const kinds: string[] = []
  for (const row of stats.rows) if (!kinds.includes(row.kind)) kinds.push(row.kind)
  const lines: StatsLine[] = []
  // 总计提供条数 = the sum of each kind's 合计 line.
  const grand: StatsLine = { key: 'all', kind: 'all', kindLabel: '总计提供条数', state: 'total', stateLabel: '合计', total: zero(), byCity: {} }
  for (const city of stats.cities) grand.byCity[city.region_code] = zero()
  for (const kind of kinds) {
    const rows = stats.rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state))
    for (const row of rows) lines.push(lineOf(row))
    const total = rows.find((r) => r.state === 'total')
    if (total) {
      grand.total = add(grand.total, total.total)
      for (const city of stats.cities) grand.byCity[city.region_code] = add(grand.byCity[city.region_code], total.by_city[city.region_code])
    }
  }
  return [grand, ...lines]
}

function lineOf(row: CollectionStatsRow): StatsLine {
  return {
    key: `${row.kind}-${row.state}`,
    kind: row.kind,
    // "行政许可" → "行政许可信息" as the manual's table reads.
    kindLabel: row.kind_label.endsWith('信息') ? row.kind_label : `${row.kind_label}信息`,
    state: row.state,
    stateLabel: row.state_label,
    total: row.total,
    byCity: row.by_city,
  }
}

/** el-table span-method for the first column: a kind's first line spans all of them. */
export function kindSpan(lines: StatsLine[], rowIndex: number, columnIndex: number): [number, number] {
  if (columnIndex !== 0) return [1, 1]
  const kind = lines[rowIndex]?.kind
  if (rowIndex > 0 && lines[rowIndex - 1].kind === kind) return [0, 0]
  let span = 1
  while (lines[rowIndex + span]?.kind === kind) span += 1
  return [span, 1]
}

export const cityCell = (line: StatsLine, code: string): StatsCell => line.byCity[code] ?? zero()
