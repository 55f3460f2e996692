import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ListPage from './ListPage.vue'

const mountPage = (props: Record<string, unknown> = {}, slots: Record<string, string> = {}, attachTo?: HTMLElement) =>
  mount(ListPage, {
    attachTo,
    props: { model: { q: '' }, title: '检查对象', count: 20, next: 'c', loading: false, loaded: true, error: null, ...props },
    slots: {
      filters: '<el-form-item label="主体"><input name="q" /></el-form-item>',
      actions: '<button data-testid="export">导出 Excel</button>',
      default: '<table data-testid="the-table"></table>',
      ...slots,
    },
    global: { plugins: [ElementPlus] },
  })

const button = (page: ReturnType<typeof mountPage>, text: string) => page.findAll('button').find((b) => b.text() === text)

describe('ListPage', () => {
  it('renders the filter card and the list card with their slots', () => {
    const page = mountPage()
    const cards = page.findAll('.page-card')
    expect(cards).toHaveLength(2)
    expect(cards[0].find('form.filter-form input[name="q"]').exists()).toBe(true)
    expect(cards[1].get('.toolbar .toolbar__title').text()).toBe('检查对象')
    expect(cards[1].find('.toolbar [data-testid="export"]').exists()).toBe(true)
    expect(cards[1].find('[data-testid="the-table"]').exists()).toBe(true)
    expect(cards[1].text()).toContain('已显示 20 条')
  })

  it('takes the title from its slot over the prop', () => {
    const page = mountPage({}, { title: '贷款申请<span class="muted">（某银行）</span>' })
    expect(page.get('.toolbar__title').text()).toBe('贷款申请（某银行）')
  })

  it('submits the form with 查询 and emits search', async () => {
    const page = mountPage({}, {}, document.body)
    const submit = button(page, '查询')!
    expect(submit.attributes('type')).toBe('submit')
    await submit.trigger('click') // jsdom submits the form, as Enter in an input would
    expect(page.emitted('search')).toHaveLength(1)
    await page.get('form').trigger('submit')
    expect(page.emitted('search')).toHaveLength(2)
    page.unmount()
  })

  it('emits reset from 重置, which noReset hides', async () => {
    const page = mountPage()
    await button(page, '重置')!.trigger('click')
    expect(page.emitted('reset')).toHaveLength(1)
    expect(button(mountPage({ noReset: true }), '重置')).toBeUndefined()
  })

  it('puts filter-actions after 查询 / 重置', () => {
    const page = mountPage({}, { 'filter-actions': '<button>更多</button>' })
    expect(page.get('form').findAll('button').map((b) => b.text())).toEqual(['查询', '重置', '更多'])
  })

  it('passes the footer events on', async () => {
    const page = mountPage()
    await button(page, '加载更多')!.trigger('click')
    expect(page.emitted('more')).toHaveLength(1)
    const failed = mountPage({ count: 0, next: null, loaded: false, error: '无权限' })
    await failed.get('[data-testid="list-error"] button').trigger('click')
    expect(failed.emitted('retry')).toHaveLength(1)
  })
})
