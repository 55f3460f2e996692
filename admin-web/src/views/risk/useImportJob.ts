// Follows one Excel import job: polls its progress until it is done or failed.
import type { ImportJob } from '@/api/types'
import { useJobPoller } from '@/components/useJobPoller'

export const isFinished = (job: ImportJob | null) => !!job && (job.status === 'done' || job.status === 'failed')

export function useImportJob(fetchJob: (id: number) => Promise<ImportJob>, intervalMs = 1000) {
  return useJobPoller<ImportJob>(fetchJob, isFinished, intervalMs)
}
