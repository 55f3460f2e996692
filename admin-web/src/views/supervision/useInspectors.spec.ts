import { describe, expect, it } from 'vitest'
import type { Inspector } from '@/api/inspections'
import { emptyInspectorForm, formToInspector, inspectorProblem, inspectorToForm, toInspectorFilters } from './useInspectors'

describe('执法人员名录库', () => {
  it('sends the filters that are set, on-duty as a boolean', () => {
    expect(toInspectorFilters({ name: '', status: 'active', type: '', category: '', on_duty: '' })).toEqual({ status: 'active' })
    expect(toInspectorFilters({ name: ' 张 ', status: 'all', type: 'enforcement', category: '市场监管', on_duty: 'false' })).toEqual({
      name: '张',
      status: 'all',
      type: 'enforcement',
      category: '市场监管',
      on_duty: false,
    })
  })

  it('maps an inspector to the form and back, the certificate period as two dates', () => {
    const i = {
      id: 1,
      staff_id: 30,
      gender: '男',
      education: '本科',
      types: ['enforcement'],
      categories: ['市场监管'],
      region: '下陆区',
      cert_no: 'HB001',
      cert_valid_from: '2026-01-01',
      cert_valid_to: '2030-12-31',
      cert_issuer: '湖北省人民政府',
      skills: ['食品'],
      on_duty: true,
      note: '',
    } as unknown as Inspector
    const form = inspectorToForm(i)
    expect(form.cert_valid).toEqual(['2026-01-01', '2030-12-31'])
    expect(formToInspector({ ...form, categories: [' 市场监管 ', ''], cert_valid: null })).toMatchObject({ categories: ['市场监管'], cert_valid_from: null, cert_valid_to: null, cert_no: 'HB001' })
  })

  it('needs a staff member when adding, a type and a category always', () => {
    const form = emptyInspectorForm()
    expect(inspectorProblem(form, true)).toBe('请选择工作人员')
    expect(inspectorProblem(form, false)).toBeNull()
    form.types = []
    expect(inspectorProblem(form, false)).toBe('请选择人员类型')
    form.types = ['other']
    form.categories = []
    expect(inspectorProblem(form, false)).toBe('请选择监督检查（执法）种类')
  })
})
