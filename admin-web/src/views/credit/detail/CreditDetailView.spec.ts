import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'

const get = vi.fn()
vi.mock('@/api/request', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/request')>()
  return { ...actual, http: { get: (p: string) => get(p), post: vi.fn(), patch: vi.fn(), delete: vi.fn() } }
})

const { ApiError } = await import('@/api/request')
const { default: CreditDetailView } = await import('./CreditDetailView.vue')

async function render(id = 7) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/credit/:id', name: 'credit-detail', component: CreditDetailView },
      { path: '/credit', name: 'credit', component: { template: '<div />' } },
    ],
  })
  await router.push(`/credit/${id}`)
  const wrapper = mount(CreditDetailView, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return wrapper
}

const app = {
  id: 7,
  number: 'XF20261201000007',
  kind: 'individual_abnormal',
  kind_label: '个体工商户经营异常状态',
  status: 'reviewing',
  status_label: '待审核',
  step: '审核',
  channel: 'staff',
  channel_label: '审批端直接受理',
  business_name: '下陆区张记小吃店',
  business_uscc: '92420204MA6WPDQNQH',
  submitted_at: '2026-12-01T10:00:00+08:00',
  decided_at: null,
  decision_no: null,
  has_decision_letter: false,
  last_reason: null,
  limits: { accept_due_on: '2026-12-03', decide_due_on: '2026-12-08', remove_due_on: null, current_due_on: '2026-12-08', working_days_left: 5, due_state: 'normal', due_state_label: '' },
  actions: ['review', 'return', 'refuse'],
  business: { id: 1, uscc: '92420204MA6WPDQNQH', reg_no: null, name: '下陆区张记小吃店', operator_name: '张秀英' },
  reason: '已整改',
  applicant_name: '张秀英',
  listings: [],
  materials: [],
  events: [],
  phone: '13900000001',
  handling_org_id: 19,
  handling_org_name: '下陆区局',
  list_org_id: 19,
  approval_form: [{ step: '经办', action: 'accept', result: '受理', opinion: '材料齐全', person: '王丽', org_name: '下陆区局', at: '2026-12-01T10:05:00+08:00', payload: {} }],
}

beforeEach(() => {
  setActivePinia(createPinia())
  get.mockReset()
})

describe('CreditDetailView', () => {
  it('shows the application, its progress and only the actions the API allows, named for the step', async () => {
    get.mockResolvedValue(app)
    const wrapper = await render()
    expect(get).toHaveBeenCalledWith('/credit/applications/7')
    expect(wrapper.find('[data-testid="credit-title"]').text()).toContain('下陆区张记小吃店')
    expect(wrapper.find('[data-testid="credit-status"]').text()).toBe('待审核')
    const buttons = wrapper.findAll('[data-testid="credit-actions"] button').map((b) => b.text())
    expect(buttons).toEqual(['审核通过', '退回经办', '不予修复'])
    expect(wrapper.find('[data-testid="decision-letter"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('待审核')
    wrapper.unmount()
  })

  it('shows the API refusal with a retry instead of a blank page', async () => {
    get.mockRejectedValue(new ApiError('CREDIT_NOT_FOUND', '信用修复申请不存在', 404))
    const wrapper = await render(99)
    const error = wrapper.find('[data-testid="credit-error"]')
    expect(error.exists()).toBe(true)
    expect(error.text()).toContain('无法打开该申请')
    expect(error.text()).toContain('信用修复申请不存在')
    expect(error.text()).toContain('重试')
    wrapper.unmount()
  })
})
