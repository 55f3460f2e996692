import { computed, reactive, ref, shallowRef } from 'vue'
import { exportAppealStats, getAppealStats } from '@/api/appeals'
import { ApiError } from '@/api/request'
import type { AppealStats, StatsQuery } from '@/api/types'
import type { ChartOption } from '@/components/EChart.vue'
import { useOrgOptions } from '@/composables/useOrgOptions'

const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

export interface MonthRange {
  label: string
  date_from: string
  date_to: string
}

/** The calendar months a period touches (at most the last 12), each clipped to the period. */
export function monthsOf(from: string, to: string, max = 12): MonthRange[] {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  const months: MonthRange[] = []
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const first = `${y}-${pad(m)}-01`
    const last = ymd(new Date(y, m, 0))
    months.push({ label: `${y}-${pad(m)}`, date_from: first < from ? from : first, date_to: last > to ? to : last })
  }
  return months.slice(-max)
}

/** The default period: from the first day of the year to today. */
export function defaultPeriod(today = new Date()): [string, string] {
  return [`${today.getFullYear()}-01-01`, ymd(today)]
}

export const pct = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)}%`)

export interface TrendPoint {
  label: string
  received: number
  finished: number
  overdue: number
}

export function trendOption(points: TrendPoint[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['受理量', '办结量', '超期'] },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '受理量', type: 'line', data: points.map((p) => p.received) },
      { name: '办结量', type: 'line', data: points.map((p) => p.finished) },
      { name: '超期', type: 'bar', data: points.map((p) => p.overdue), itemStyle: { color: '#f56c6c' } },
    ],
  } as ChartOption
}

export function onTimeOption(stats: AppealStats | null): ChartOption {
  const rows = stats?.by_org ?? []
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
    legend: { top: 0, data: ['按期转办率', '按期办结率'] },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((r) => r.org.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '按期转办率', type: 'bar', barMaxWidth: 48, data: rows.map((r) => r.transferred_within_limit_pct) },
      { name: '按期办结率', type: 'bar', barMaxWidth: 48, data: rows.map((r) => r.finished_within_limit_pct) },
    ],
  } as ChartOption
}

export function satisfactionOption(stats: AppealStats | null): ChartOption {
  const total = stats?.total
  const satisfied = total?.satisfied ?? 0
  const other = Math.max(0, (total?.rated ?? 0) - satisfied)
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    title: { text: `好评率 ${pct(total?.satisfaction_pct)}`, left: 'center', top: 'center', textStyle: { fontSize: 14 } },
    series: [
      {
        name: '评价',
        type: 'pie',
        radius: ['45%', '70%'],
        data: [
          { name: '满意 / 基本满意', value: satisfied, itemStyle: { color: '#67c23a' } },
          { name: '不满意', value: other, itemStyle: { color: '#f56c6c' } },
        ],
      },
    ],
  } as ChartOption
}

export function useAppealStats() {
  const { orgs, load: loadOrgs } = useOrgOptions()
  const form = reactive<{ org_id: number | null; period: [string, string] }>({ org_id: null, period: defaultPeriod() })
  const stats = shallowRef<AppealStats | null>(null)
  const trend = shallowRef<TrendPoint[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  const exporting = ref(false)
  let generation = 0

  const query = (): StatsQuery => ({
    org_id: form.org_id ?? undefined,
    date_from: form.period?.[0],
    date_to: form.period?.[1],
  })

  async function load(): Promise<void> {
    const mine = ++generation
    const q = query()
    loading.value = true
    try {
      // The trend: the same statistics grouped by month in one request (the last 12 months of the period).
      const [total, perMonth] = await Promise.all([getAppealStats(q), getAppealStats({ ...q, group_by: 'month' })])
      if (mine !== generation) return
      stats.value = total
      trend.value = (perMonth.by_month ?? []).slice(-12).map((m) => ({
        label: m.month,
        received: m.received,
        finished: m.finished,
        overdue: m.overdue,
      }))
      error.value = null
    } catch (failure) {
      if (mine === generation) error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportAppealStats(query())
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }

  const isEmpty = computed(() => !!stats.value && stats.value.total.received === 0)
  const trendChart = computed(() => trendOption(trend.value))
  const onTimeChart = computed(() => onTimeOption(stats.value))
  const satisfactionChart = computed(() => satisfactionOption(stats.value))

  return { orgs, loadOrgs, form, stats, trend, loading, error, isEmpty, load, exporting, exportExcel, trendChart, onTimeChart, satisfactionChart }
}
