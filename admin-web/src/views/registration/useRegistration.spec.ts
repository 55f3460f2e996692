import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArchiveInfo, License, RegistrationDetail, RuleResult } from '@/api/registrations'

const post = vi.fn(async (path: string, body?: unknown) => ({ id: 2, path, body }))
const confirm = vi.fn(async () => 'confirm')
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: (path: string, body?: unknown) => post(path, body), patch: vi.fn(), delete: vi.fn() },
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: () => confirm() },
  ElMessage: { success: vi.fn(), info: vi.fn() },
}))

const { toRegistrationFilters, statusTagType } = await import('./useRegistrationQueue')
const { splitRules, offeredDecisions, documentsOf, decisionRules, performDecision } = await import('./detail/useRegistrationDetail')
const { licenseFields } = await import('./license/useLicense')
const { archiveChanges, archiveFormOf, toArchiveFilters } = await import('./archives/useArchives')

const rule = (code: string, passed: boolean, reason: string | null = null): RuleResult => ({ code, label: code, passed, reason })

describe('registration queue filters', () => {
  it('asks for every status with all=true and for one status by name', () => {
    expect(toRegistrationFilters({ status: '', name: '', number: '', uscc: '' })).toEqual({ all: true })
    expect(toRegistrationFilters({ status: 'reviewing', name: ' 楚鲜 ', number: ' DJ1 ', uscc: '92420204matqmftq18' })).toEqual({
      status: 'reviewing',
      name: '楚鲜',
      number: 'DJ1',
      uscc: '92420204MATQMFTQ18',
    })
  })

  it('colours waiting applications orange, approved green, refused red', () => {
    expect(['reviewing', 'approved', 'refused', 'withdrawn'].map(statusTagType)).toEqual(['warning', 'success', 'danger', 'info'])
  })
})

describe('registration detail', () => {
  it('puts the failed rules apart from the passed ones, keeping the API order', () => {
    const { failed, passed } = splitRules([rule('a', true), rule('capital_within_limit', false, '资金数额超过智能审批上限（100万元）'), rule('b', true)])
    expect(failed.map((r) => r.reason)).toEqual(['资金数额超过智能审批上限（100万元）'])
    expect(passed.map((r) => r.code)).toEqual(['a', 'b'])
  })

  it('offers only the decisions the API allows', () => {
    expect(offeredDecisions(['refuse', 'approve'])).toEqual(['approve', 'refuse'])
    expect(offeredDecisions([])).toEqual([])
  })

  it('adds the operator ID photo to the documents while it is not listed', () => {
    const detail = { documents: [{ code: 'application', title: '申请书' }], operator: { name: '张', id_photo_file_id: 3 } } as unknown as RegistrationDetail
    expect(documentsOf(detail).map((d) => d.code)).toEqual(['application', 'id_photo'])
    expect(documentsOf(null)).toEqual([])
  })

  it('requires a reason to refuse, in Chinese, but not an opinion to approve', () => {
    const refuse = decisionRules('refuse').text as { required?: boolean; message?: string }[]
    expect(refuse[0]).toMatchObject({ required: true, message: '请填写不予登记的理由' })
    expect((decisionRules('approve').text as { required?: boolean }[]).some((r) => r.required)).toBe(false)
  })
})

describe('performDecision', () => {
  const detail = { id: 2, number: 'DJ1', name_step: { name: '黄石市下陆区楚鲜水果店' } } as RegistrationDetail
  beforeEach(() => {
    post.mockClear()
    confirm.mockReset()
  })

  it('approves with the opinion after the confirmation', async () => {
    confirm.mockResolvedValueOnce('confirm')
    await performDecision(detail, 'approve', ' 同意 ')
    expect(post).toHaveBeenCalledWith('/registrations/2/approve', { opinion: '同意' })
  })

  it('refuses with the reason', async () => {
    confirm.mockResolvedValueOnce('confirm')
    await performDecision(detail, 'refuse', '经营场所为住宅')
    expect(post).toHaveBeenCalledWith('/registrations/2/refuse', { reason: '经营场所为住宅' })
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    confirm.mockRejectedValueOnce('cancel')
    expect(await performDecision(detail, 'approve', '')).toBeNull()
    expect(post).not.toHaveBeenCalled()
  })
})

describe('licence and archive', () => {
  it('lists the licence fields in the order of the paper form', () => {
    const fields = licenseFields({ uscc: '92X', name: '楚鲜水果店', capital: '150.00', term: '长期' } as License)
    expect(fields[0]).toEqual({ label: '统一社会信用代码', value: '92X' })
    expect(fields.find((f) => f.label === '资金数额')?.value).toBe('150.00 万元')
  })

  it('sends only changed 归档信息, clearing an emptied 归档人 with null and keeping required fields', () => {
    const before: ArchiveInfo = { title: 'T', reason: '自动归档', archive_org: '下陆区局', archivist: '智慧审批', location: '库', archived_on: '2026-12-01' }
    expect(archiveChanges(before, archiveFormOf(before))).toEqual({})
    const form = { ...archiveFormOf(before), archivist: '', location: ' 二号库 ', title: '' }
    expect(archiveChanges(before, form)).toEqual({ archivist: null, location: '二号库' })
  })

  it('upper-cases the codes of an archive search', () => {
    expect(toArchiveFilters({ name: '', uscc: ' 92a ', archive_no: '42020400a000001' })).toEqual({ uscc: '92A', archive_no: '42020400A000001' })
  })
})
