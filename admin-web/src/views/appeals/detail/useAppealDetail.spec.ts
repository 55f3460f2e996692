import { describe, expect, it } from 'vitest'
import type { AppealDetail, AppealEvent } from '@/api/types'
import { evidenceOf, offeredActions } from './useAppealDetail'

const event = (action: string, files: { id: number; name: string }[] = []): AppealEvent =>
  ({ action, files: files.map((f) => ({ ...f, content_type: 'application/pdf', size: 1, url: `/x/${f.id}` })) }) as AppealEvent

describe('offeredActions', () => {
  it('keeps the API order of the workflow and drops actions the user has no permission code for', () => {
    const has = (code: string) => code === 'appeal:desk'
    expect(offeredActions(['reply_out_of_scope', 'transfer', 'supervise'], has)).toEqual(['transfer', 'reply_out_of_scope'])
  })

  it('offers nothing the API did not allow, whatever the permissions', () => {
    expect(offeredActions([], () => true)).toEqual([])
  })
})

describe('evidenceOf', () => {
  it('collects the files of the unit reports once each', () => {
    const appeal = {
      timeline: [event('submit', [{ id: 1, name: '照片.jpg' }]), event('report', [{ id: 2, name: '整改.pdf' }]), event('report', [{ id: 2, name: '整改.pdf' }, { id: 3, name: '回执.pdf' }])],
    } as AppealDetail
    expect(evidenceOf(appeal).map((f) => f.id)).toEqual([2, 3])
  })
})
