import { describe, expect, it } from 'vitest'
import type { AppealStats } from '@/api/types'
import { defaultPeriod, monthsOf, onTimeOption, pct, satisfactionOption, trendOption } from './useAppealStats'

const row = { received: 4, accepted: 4, transferred: 2, transferred_within_limit: 2, transferred_within_limit_pct: 100, finished: 3, finished_within_limit: 2, finished_within_limit_pct: 66.7, overdue: 1, rated: 3, satisfied: 2, satisfaction_pct: 66.7, avg_handling_hours: 30 }
const stats: AppealStats = { org: { id: 19, name: '下陆区局' }, from: null, to: null, total: row, by_org: [{ ...row, org: { id: 20, name: '城区所' } }] }

describe('monthsOf', () => {
  it('splits a period into calendar months clipped to the period', () => {
    expect(monthsOf('2026-01-15', '2026-03-10')).toEqual([
      { label: '2026-01', date_from: '2026-01-15', date_to: '2026-01-31' },
      { label: '2026-02', date_from: '2026-02-01', date_to: '2026-02-28' },
      { label: '2026-03', date_from: '2026-03-01', date_to: '2026-03-10' },
    ])
  })

  it('crosses the year and keeps only the last 12 months', () => {
    const months = monthsOf('2024-11-01', '2026-02-01')
    expect(months).toHaveLength(12)
    expect(months[0].label).toBe('2025-03')
    expect(months.at(-1)!.label).toBe('2026-02')
  })
})

describe('charts', () => {
  it('defaults to the year so far', () => {
    expect(defaultPeriod(new Date(2026, 4, 9))).toEqual(['2026-01-01', '2026-05-09'])
  })

  it('plots the trend, the on-time rates per org and the satisfaction split', () => {
    const trend = trendOption([{ label: '2026-01', received: 4, finished: 3, overdue: 1 }]) as { series: { data: number[] }[] }
    expect(trend.series.map((s) => s.data)).toEqual([[4], [3], [1]])
    const onTime = onTimeOption(stats) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] }
    expect(onTime.xAxis.data).toEqual(['城区所'])
    expect(onTime.series.map((s) => s.data)).toEqual([[100], [66.7]])
    const pie = satisfactionOption(stats) as { series: { data: { value: number }[] }[]; title: { text: string } }
    expect(pie.series[0].data.map((d) => d.value)).toEqual([2, 1])
    expect(pie.title.text).toBe('好评率 66.7%')
    expect(pct(null)).toBe('—')
  })
})
