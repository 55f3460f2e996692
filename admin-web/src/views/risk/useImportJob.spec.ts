import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/request'
import type { ImportJob } from '@/api/types'
import { useImportJob } from './useImportJob'

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 7,
  kind: 'penalties',
  kind_label: '行政处罚',
  status: 'running',
  status_label: '导入中',
  file_name: 'a.xlsx',
  total: 10,
  done: 0,
  imported: 0,
  failed: 0,
  progress: 0,
  error: null,
  report_url: null,
  created_at: '2026-01-01T00:00:00Z',
  finished_at: null,
  ...over,
})

describe('useImportJob', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('polls the progress until the job is done, then stops', async () => {
    const answers = [job({ done: 5, progress: 50 }), job({ status: 'done', done: 10, progress: 100, failed: 1, report_url: '/r' })]
    const fetchJob = vi.fn(async () => answers.shift()!)
    const { job: current, track } = useImportJob(fetchJob, 1000)
    track(job({ status: 'pending' }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(current.value?.progress).toBe(50)
    await vi.advanceTimersByTimeAsync(1000)
    expect(current.value?.status).toBe('done')
    expect(current.value?.report_url).toBe('/r')
    await vi.advanceTimersByTimeAsync(5000)
    expect(fetchJob).toHaveBeenCalledTimes(2)
  })

  it('does not poll a job that is already finished', async () => {
    const fetchJob = vi.fn()
    const { track } = useImportJob(fetchJob, 1000)
    track(job({ status: 'failed', error: '表头与模板不一致' }))
    await vi.advanceTimersByTimeAsync(3000)
    expect(fetchJob).not.toHaveBeenCalled()
  })

  it('keeps polling through a blip and shows the message after three failures', async () => {
    const fetchJob = vi.fn(async () => {
      throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
    })
    const { error, track } = useImportJob(fetchJob, 1000)
    track(job({}))
    await vi.advanceTimersByTimeAsync(10000)
    expect(fetchJob).toHaveBeenCalledTimes(3)
    expect(error.value).toBe('网络连接失败，请检查网络后重试')
  })
})
