import { describe, expect, it } from 'vitest'
import type { CollectionJob } from '@/api/collection'
import { blankSearch, hasReport, jobFinished, jobProgress, jobsOnDays, matchTagType, searchFromQuery, toRecordFilters } from './collectionState'

const job = (over: Partial<CollectionJob>): CollectionJob => ({
  id: 1,
  kind: 'license',
  kind_label: '行政许可',
  file_name: 'a.xlsx',
  channel: 'excel',
  status: 'running',
  status_label: '导入中',
  total: 10,
  done: 4,
  matched: 3,
  unmatched: 1,
  failed: 0,
  created_at: '2026-03-05T10:00:00+08:00',
  finished_at: null,
  org_name: '夏路区市场监督管理局',
  ...over,
})

describe('本部门问题数据处理 filters', () => {
  it('default to 记名不成功 and leave empty filters out', () => {
    expect(toRecordFilters(blankSearch('penalty'))).toEqual({ kind: 'penalty', match_state: 'unmatched' })
  })

  it('upper-case a code, keep a name, and send the update range', () => {
    const form = { ...blankSearch(), q: ' 92420204ma6wpdqnqh ', record_no: ' 许2026-1 ', authority: '市卫健委', match_state: '', channel: 'excel', updated: ['2026-01-01', '2026-01-31'] as [string, string] }
    expect(toRecordFilters(form)).toEqual({
      kind: 'license',
      q: '92420204MA6WPDQNQH',
      record_no: '许2026-1',
      authority: '市卫健委',
      channel: 'excel',
      updated_from: '2026-01-01',
      updated_to: '2026-01-31',
    })
    expect(toRecordFilters({ ...blankSearch(), q: '小吃店' }).q).toBe('小吃店')
  })
})

describe('match state tags', () => {
  it('are green, red and yellow', () => {
    expect(matchTagType('matched')).toBe('success')
    expect(matchTagType('unmatched')).toBe('danger')
    expect(matchTagType('pending')).toBe('warning')
    expect(matchTagType('other')).toBe('info')
  })
})

describe('import jobs', () => {
  it('show progress while running and the failure file only once ended with problems', () => {
    expect(jobFinished(job({}))).toBe(false)
    expect(jobProgress(job({}))).toBe(40)
    expect(jobProgress(job({ total: 0, done: 0 }))).toBe(0)
    expect(hasReport(job({}))).toBe(false)
    expect(hasReport(job({ status: 'done' }))).toBe(true)
    expect(hasReport(job({ status: 'done', unmatched: 0 }))).toBe(false)
    expect(hasReport(job({ status: 'failed', unmatched: 0, failed: 2 }))).toBe(true)
    expect(jobProgress(job({ status: 'done' }))).toBe(100)
    expect(jobProgress(job({ progress: 70 }))).toBe(70)
    // the API says where the report is once it exists
    expect(hasReport(job({ status: 'done', report_url: null }))).toBe(false)
    expect(hasReport(job({ status: 'done', unmatched: 0, report_url: '/api/v1/admin/collection/imports/1/report' }))).toBe(true)
  })

  it('filter the loaded jobs by import day', () => {
    const jobs = [job({ id: 1, created_at: '2026-03-05T10:00:00' }), job({ id: 2, created_at: '2026-03-07T10:00:00' })]
    expect(jobsOnDays(jobs, null)).toHaveLength(2)
    expect(jobsOnDays(jobs, ['2026-03-06', '2026-03-07']).map((j) => j.id)).toEqual([2])
  })
})

describe('links into 本部门问题数据处理', () => {
  it('read 查看已有信息 and 查看明细 queries, ignoring junk', () => {
    expect(searchFromQuery({ q: '92420204MA6WPDQNQH', state: 'all' })).toEqual({ initial: { q: '92420204MA6WPDQNQH', match_state: '' }, importId: null })
    expect(searchFromQuery({ import_id: '7', kind: 'penalty', state: 'all' })).toEqual({ initial: { match_state: '', kind: 'penalty' }, importId: 7 })
    expect(searchFromQuery({ import_id: 'x', kind: 'bogus' })).toEqual({ initial: {}, importId: null })
    expect(searchFromQuery({})).toEqual({ initial: {}, importId: null })
  })
})
