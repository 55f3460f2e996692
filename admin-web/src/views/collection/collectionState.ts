// Small shared pieces of the 信息归集 screens.
import type { CollectionJob, CollectionKind, CollectionRecordFilters } from '@/api/collection'

export const KIND_TABS: { kind: CollectionKind; label: string }[] = [
  { kind: 'license', label: '行政许可' },
  { kind: 'penalty', label: '行政处罚' },
  { kind: 'support', label: '小微企业扶持' },
]

export const kindLabel = (kind: string) => KIND_TABS.find((t) => t.kind === kind)?.label ?? kind

/** 记名成功 green, 记名不成功 red, 处理中 yellow. */
export function matchTagType(state: string): 'success' | 'danger' | 'warning' | 'info' {
  if (state === 'matched') return 'success'
  if (state === 'unmatched') return 'danger'
  if (state === 'pending') return 'warning'
  return 'info'
}

const FINISHED = new Set(['done', 'failed', 'finished', 'completed', 'error'])
/** The job has ended (no more polling). */
export const jobFinished = (job: CollectionJob | null) => !!job && FINISHED.has(job.status)

/** 下载失败明细: only once the job ended with rows that failed or stayed unmatched. */
export const hasReport = (job: CollectionJob) =>
  jobFinished(job) && (job.report_url !== undefined ? !!job.report_url : job.failed + job.unmatched > 0)

export function jobProgress(job: CollectionJob): number {
  if (jobFinished(job)) return 100
  if (typeof job.progress === 'number') return Math.max(0, Math.min(99, job.progress))
  if (!job.total) return 0
  return Math.min(99, Math.floor((job.done / job.total) * 100))
}

export interface RecordSearch {
  kind: CollectionKind
  q: string
  record_no: string
  authority: string
  match_state: string
  channel: string
  updated: [string, string] | null
}

export const blankSearch = (kind: CollectionKind = 'license'): RecordSearch => ({
  kind,
  q: '',
  record_no: '',
  authority: '',
  match_state: 'unmatched',
  channel: '',
  updated: null,
})

/** The form of 本部门问题数据处理 → GET /records query (empty filters left out). */
export function toRecordFilters(form: RecordSearch): CollectionRecordFilters {
  const filters: CollectionRecordFilters = { kind: form.kind }
  const q = form.q.trim()
  if (q) filters.q = /^[0-9a-z]{15,18}$/i.test(q) ? q.toUpperCase() : q
  if (form.record_no.trim()) filters.record_no = form.record_no.trim()
  if (form.authority.trim()) filters.authority = form.authority.trim()
  if (form.match_state) filters.match_state = form.match_state
  if (form.channel) filters.channel = form.channel
  if (form.updated) [filters.updated_from, filters.updated_to] = form.updated
  return filters
}

/** Only the jobs created within the picked days (the list endpoint filters kind and status). */
export function jobsOnDays(jobs: CollectionJob[], days: [string, string] | null): CollectionJob[] {
  if (!days) return jobs
  const [from, to] = days
  return jobs.filter((j) => {
    const d = new Date(j.created_at)
    const pad = (n: number) => String(n).padStart(2, '0')
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
    return day >= from && day <= to
  })
}

/**
 * The records screen opened from elsewhere: 在线录入 › 查看已有信息 (?q=<code>&state=all) or
 * 批量导入 › 查看明细 (?import_id=…&kind=…&state=all).
 */
export function searchFromQuery(query: Record<string, unknown>): { initial: Partial<RecordSearch>; importId: number | null } {
  const initial: Partial<RecordSearch> = {}
  if (typeof query.q === 'string') initial.q = query.q
  if (query.state === 'all') initial.match_state = ''
  if (KIND_TABS.some((t) => t.kind === query.kind)) initial.kind = query.kind as CollectionKind
  const id = Number(query.import_id)
  return { initial, importId: Number.isInteger(id) && id > 0 ? id : null }
}
