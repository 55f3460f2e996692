import { http } from './request'
import type {
  LoanApplication,
  LoanApplicationDetail,
  LoanApplicationFilters,
  LoanInstitution,
  LoanInstitutionBody,
  LoanProduct,
  LoanProductBody,
  LoanProductFilters,
  Page,
  PageQuery,
} from './types'

export const listLoanInstitutions = () => http.get<Page<LoanInstitution>>('/loans/institutions')
export const createLoanInstitution = (body: LoanInstitutionBody) => http.post<LoanInstitution>('/loans/institutions', body)
export const updateLoanInstitution = (id: number, body: LoanInstitutionBody) => http.patch<LoanInstitution>(`/loans/institutions/${id}`, body)
export const rotateWebhookSecret = (id: number) => http.post<LoanInstitution>(`/loans/institutions/${id}/webhook-secret`)

export const listLoanProducts = (query: LoanProductFilters & PageQuery) => http.get<Page<LoanProduct>>('/loans/products', { ...query })
export const createLoanProduct = (body: LoanProductBody) => http.post<LoanProduct>('/loans/products', body)
export const updateLoanProduct = (id: number, body: Partial<LoanProductBody>) => http.patch<LoanProduct>(`/loans/products/${id}`, body)
export const publishLoanProduct = (id: number) => http.post<LoanProduct>(`/loans/products/${id}/publish`)
export const unpublishLoanProduct = (id: number) => http.post<LoanProduct>(`/loans/products/${id}/unpublish`)

export const listLoanApplications = (query: LoanApplicationFilters & PageQuery) => http.get<Page<LoanApplication>>('/loans/applications', { ...query })
export const getLoanApplication = (id: number) => http.get<LoanApplicationDetail>(`/loans/applications/${id}`)
export const contactLoan = (id: number, body: { note?: string }) => http.post<LoanApplicationDetail>(`/loans/applications/${id}/contact`, body)
export const approveLoan = (id: number, body: { amount: string; rate: string; term_months: number; note?: string }) =>
  http.post<LoanApplicationDetail>(`/loans/applications/${id}/approve`, body)
export const rejectLoan = (id: number, body: { note: string }) => http.post<LoanApplicationDetail>(`/loans/applications/${id}/reject`, body)
export const grantLoan = (id: number, body: { amount: string; granted_on: string; note?: string }) =>
  http.post<LoanApplicationDetail>(`/loans/applications/${id}/grant`, body)
export const loanUnreadCount = () => http.get<{ unread: number }>('/loans/notifications/unread-count', undefined, { silent: true })

export interface LoanNotification {
  id: number
  kind: string
  title: string
  body: string
  application_id: number | null
  read: boolean
  read_at: string | null
  created_at: string
}
export const listLoanNotifications = (query: { unread?: boolean } & PageQuery) =>
  http.get<Page<LoanNotification> & { unread: number }>('/loans/notifications', { ...query })
export const readLoanNotification = (id: number) => http.post<LoanNotification>(`/loans/notifications/${id}/read`)
export const readAllLoanNotifications = () => http.post<{ unread: number } | null>('/loans/notifications/read-all')
