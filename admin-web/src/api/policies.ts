import { http } from './request'
import type { Benefit, BenefitBody, BenefitRun, Eligibility, EligibilityDetail, Page, PageQuery, Policy, PolicyBody, Targeting } from './types'

export const listPolicies = (query: { status?: string; q?: string } & PageQuery) => http.get<Page<Policy>>('/policies', { ...query })
export const createPolicy = (body: PolicyBody) => http.post<Policy>('/policies', body)
export const updatePolicy = (id: number, body: Partial<PolicyBody>) => http.patch<Policy>(`/policies/${id}`, body)
export const deletePolicy = (id: number) => http.delete<null>(`/policies/${id}`)
export const publishPolicy = (id: number) => http.post<Policy>(`/policies/${id}/publish`)
export const withdrawPolicy = (id: number) => http.post<Policy>(`/policies/${id}/withdraw`)

export const listBenefits = (query: PageQuery) => http.get<Page<Benefit>>('/benefits', { ...query })
export const getBenefit = (id: number) => http.get<Benefit>(`/benefits/${id}`)
export const createBenefit = (body: BenefitBody) => http.post<Benefit>('/benefits', body)
export const updateBenefit = (id: number, body: Partial<BenefitBody>) => http.patch<Benefit>(`/benefits/${id}`, body)
export const listEligibilities = (id: number, query: { status?: string } & PageQuery) =>
  http.get<Page<Eligibility>>(`/benefits/${id}/eligibilities`, { ...query })
export const getEligibility = (id: number, eid: number) => http.get<EligibilityDetail>(`/benefits/${id}/eligibilities/${eid}`)
export const retryEligibility = (id: number, eid: number) => http.post<EligibilityDetail>(`/benefits/${id}/eligibilities/${eid}/retry`)
export const markOne = (id: number, uscc: string) => http.post<Eligibility>(`/benefits/${id}/eligibilities`, { uscc })
export const markByRule = (id: number, rule: Targeting) => http.post<BenefitRun>(`/benefits/${id}/eligibilities/rule`, rule)
export function markByExcel(id: number, file: File): Promise<BenefitRun> {
  const form = new FormData()
  form.append('file', file)
  return http.post<BenefitRun>(`/benefits/${id}/eligibilities/import`, form)
}
/** Polled while a rule run works in the background. */
export const getBenefitRun = (id: number, runId: number) => http.get<BenefitRun>(`/benefits/${id}/runs/${runId}`, undefined, { silent: true })
