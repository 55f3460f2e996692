import { downloadFile, http } from './request'
import type {
  CreditActionBody,
  CreditApplication,
  CreditApplicationDetail,
  CreditApplyBody,
  CreditCounts,
  CreditFilters,
  CreditListing,
  CreditListingFilters,
  CreditOptions,
  CreditTransferTarget,
  Page,
  PageQuery,
} from './types'

export const getCreditOptions = () => http.get<CreditOptions>('/credit/options')
export const listCreditApplications = (query: CreditFilters & PageQuery) =>
  http.get<Page<CreditApplication>>('/credit/applications', { ...query, todo: query.todo ? 'true' : undefined })
export const countCreditApplications = (todo = true) => http.get<CreditCounts>('/credit/applications/counts', { todo: todo ? 'true' : undefined })
export const getCreditApplication = (id: number) => http.get<CreditApplicationDetail>(`/credit/applications/${id}`)
export const getCreditTransferTargets = (id: number) =>
  http.get<{ items: CreditTransferTarget[] }>(`/credit/applications/${id}/transfer-targets`).then((r) => r.items)
/** Returns the new detail, or `{transferred: true}` when the application left the office. */
export const actOnCreditApplication = (id: number, body: CreditActionBody) =>
  http.post<CreditApplicationDetail | { transferred: true }>(`/credit/applications/${id}/actions`, body)
export const downloadCreditFile = (id: number, fileId: number, name: string) =>
  downloadFile(`/credit/applications/${id}/files/${fileId}`, name)
export const downloadDecisionLetter = (app: { id: number; number: string }) =>
  downloadFile(`/credit/applications/${app.id}/decision-letter`, `信用修复决定书-${app.number}.pdf`)

export const listCreditListings = (query: CreditListingFilters & PageQuery) => http.get<Page<CreditListing>>('/credit/listings', { ...query })
export const applyForListing = (listingId: number, body: CreditApplyBody) =>
  http.post<CreditApplicationDetail>(`/credit/listings/${listingId}/apply`, body)
