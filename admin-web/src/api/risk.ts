import { downloadFile, http } from './request'
import type { ImportJob, ImportKind, Listing, ListingUpdate, Page, PageQuery, Penalty, PenaltyUpdate, RiskFilters, RiskRecord } from './types'

export const listRiskRecords = (query: RiskFilters & PageQuery) => http.get<Page<RiskRecord>>('/risk-records', { ...query })
export const updatePenalty = (id: number, body: PenaltyUpdate) => http.patch<Penalty>(`/risk-records/penalties/${id}`, body)
export const updateListing = (id: number, body: ListingUpdate) => http.patch<Listing>(`/risk-records/listings/${id}`, body)
export const removeListing = (id: number, body: { reason: string; removed_on: string }) =>
  http.post<Listing>(`/risk-records/listings/${id}/remove`, body)

export const downloadImportTemplate = (kind: ImportKind) =>
  downloadFile('/risk-records/imports/template', kind === 'penalties' ? '行政处罚信息导入模板.xlsx' : '列入名单信息导入模板.xlsx', { kind })

export function startImport(kind: ImportKind, file: File): Promise<ImportJob> {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file)
  return http.post<ImportJob>('/risk-records/imports', form)
}
export const listImports = (query: PageQuery) => http.get<Page<ImportJob>>('/risk-records/imports', { ...query })
/** Polled while a job runs: silent, the poller decides what to show. */
export const getImport = (id: number) => http.get<ImportJob>(`/risk-records/imports/${id}`, undefined, { silent: true })
export const downloadImportReport = (job: ImportJob) => downloadFile(job.report_url ?? `/risk-records/imports/${job.id}/report`, `导入失败记录-${job.id}.xlsx`)
