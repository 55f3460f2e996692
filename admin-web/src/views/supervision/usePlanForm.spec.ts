import { describe, expect, it } from 'vitest'
import type { CheckItem, InspectionPlanDetail } from '@/api/inspections'
import { catalogTree, contentIdsOf, contentKeys, emptyPlanForm, formToBody, parseCodes, planToForm, stepMissing } from './usePlanForm'

const plan = {
  id: 7,
  code: 'SJ2026000007',
  name: '食品抽查',
  start_on: '2026-12-10',
  end_on: '2026-12-31',
  basis: '依据',
  lead_department: '下陆区局',
  partner_departments: ['卫健局'],
  requirements: '',
  ratio: '3.000',
  group_size: 5,
  team_size: 2,
  scope_mode: 'filter',
  filters: { org_ids: [20], kinds: ['individual'], region_prefix: '4202', name_contains: '', established_from: null, established_to: null },
  skip_twice: true,
  content_ids: [3, 4],
  opinion: '同意',
  actions: ['edit'],
  sample_count: 0,
} as unknown as InspectionPlanDetail

describe('抽查方案 wizard', () => {
  it('round-trips a plan through the form into the API body', () => {
    const form = planToForm(plan)
    expect(form.period).toEqual(['2026-12-10', '2026-12-31'])
    expect(form.ratio).toBe(3)
    const body = formToBody(form)
    expect(body).toMatchObject({
      name: '食品抽查',
      start_on: '2026-12-10',
      end_on: '2026-12-31',
      ratio: '3',
      group_size: 5,
      grouping: 'registration_org',
      content_ids: [3, 4],
      filters: { org_ids: [20], kinds: ['individual'], statuses: ['active'], region_prefix: '4202', established_from: null },
    })
  })

  it('sends cleared dates and ratio as null and the group size the form starts with (5, as the API)', () => {
    const body = formToBody({ ...emptyPlanForm(), name: ' 新方案 ' })
    expect(body.name).toBe('新方案')
    expect(body.start_on).toBeNull()
    expect(body.ratio).toBeNull()
    expect(body.group_size).toBe(5)
    expect('group_size' in formToBody({ ...emptyPlanForm(), group_size: null })).toBe(false)
  })

  it('lists what each step still misses before submitting', () => {
    const form = emptyPlanForm()
    expect(stepMissing(form, 0)).toEqual(['方案名称', '抽查开始/截止日期', '抽查依据', '牵头部门'])
    expect(stepMissing(form, 1)).toEqual(['抽取比例'])
    form.scope_mode = 'sample'
    form.ratio = 5
    expect(stepMissing(form, 1)).toEqual(['抽查样本'])
    expect(stepMissing(form, 1, 12)).toEqual([])
    form.sample_codes = '92420200MA4XXXXX1A'
    expect(stepMissing(form, 1)).toEqual([])
    expect(stepMissing(form, 2)).toEqual(['检查事项'])
    expect(stepMissing(form, 3)).toEqual([])
  })

  it('splits pasted codes on lines, commas and spaces, upper-cased without repeats', () => {
    expect(parseCodes('92420200ma4x\n 92420200MA4X，92420200MA4Y  420200600123456\n')).toEqual(['92420200MA4X', '92420200MA4Y', '420200600123456'])
    expect(parseCodes('  ')).toEqual([])
  })

  it('builds the checkable catalog tree and reads the checked contents back', () => {
    const items = [
      {
        id: 1,
        name: '食品经营',
        subitems: [
          { id: 2, name: '资质', contents: [{ id: 3, content: '是否亮证', result_type_label: '是非型' }] },
          { id: 5, name: '空子项', contents: [] },
        ],
      },
      { id: 9, name: '空项目', subitems: [] },
    ] as unknown as CheckItem[]
    const tree = catalogTree(items)
    expect(tree).toHaveLength(1)
    expect(tree[0].children).toHaveLength(1)
    expect(tree[0].children![0].children![0]).toEqual({ key: 'c3', label: '是否亮证（是非型）', contentId: 3 })
    expect(contentKeys([3, 4])).toEqual(['c3', 'c4'])
    expect(contentIdsOf([tree[0], tree[0].children![0], tree[0].children![0].children![0]])).toEqual([3])
  })
})
