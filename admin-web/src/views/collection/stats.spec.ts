import { describe, expect, it } from 'vitest'
import type { CollectionStats } from '@/api/collection'
import { cityCell, kindSpan, statsLines } from './stats'

const cell = (year: number, cumulative: number) => ({ year, cumulative })
const stats: CollectionStats = {
  year: 2026,
  cities: [
    { region_code: '420200', name: '黄石市' },
    { region_code: '420100', name: '武汉市' },
  ],
  rows: [
    { kind: 'license', kind_label: '行政许可信息', state: 'matched', state_label: '记名成功', total: cell(2, 3), by_city: { '420200': cell(2, 3) } },
    { kind: 'license', kind_label: '行政许可信息', state: 'total', state_label: '合计', total: cell(3, 5), by_city: { '420200': cell(3, 4), '420100': cell(0, 1) } },
    { kind: 'license', kind_label: '行政许可信息', state: 'unmatched', state_label: '记名不成功', total: cell(1, 2), by_city: { '420200': cell(1, 1), '420100': cell(0, 1) } },
    { kind: 'license', kind_label: '行政许可信息', state: 'pending', state_label: '处理中', total: cell(0, 0), by_city: {} },
    { kind: 'penalty', kind_label: '行政处罚', state: 'total', state_label: '合计', total: cell(1, 1), by_city: { '420100': cell(1, 1) } },
    { kind: 'penalty', kind_label: '行政处罚', state: 'matched', state_label: '记名成功', total: cell(1, 1), by_city: { '420100': cell(1, 1) } },
  ],
}

describe('the statistics table', () => {
  it('puts 总计提供条数 first, then each kind with 合计 before the match states', () => {
    const lines = statsLines(stats)
    expect(lines.map((l) => `${l.kindLabel}/${l.stateLabel}`)).toEqual([
      '总计提供条数/合计',
      '行政许可信息/合计',
      '行政许可信息/记名成功',
      '行政许可信息/记名不成功',
      '行政许可信息/处理中',
      '行政处罚信息/合计',
      '行政处罚信息/记名成功',
    ])
    expect(lines[0].total).toEqual(cell(4, 6))
    expect(cityCell(lines[0], '420200')).toEqual(cell(3, 4))
    expect(cityCell(lines[0], '420100')).toEqual(cell(1, 2))
    expect(cityCell(lines[4], '420100')).toEqual(cell(0, 0))
  })

  it('spans the kind cell over its lines', () => {
    const lines = statsLines(stats)
    expect(lines.map((_, i) => kindSpan(lines, i, 0))).toEqual([
      [1, 1],
      [4, 1],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 1],
      [0, 0],
    ])
    expect(kindSpan(lines, 2, 1)).toEqual([1, 1])
  })
})
