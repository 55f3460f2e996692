import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ListFooter from './ListFooter.vue'

const mountFooter = (props: Record<string, unknown>) =>
  mount(ListFooter, { props: { count: 0, next: null, loading: false, loaded: true, error: null, ...props }, global: { plugins: [ElementPlus] } })

describe('ListFooter', () => {
  it('offers 加载更多 while there is a next page', async () => {
    const footer = mountFooter({ count: 20, next: 'c' })
    expect(footer.text()).toContain('已显示 20 条')
    await footer.get('button').trigger('click')
    expect(footer.emitted('more')).toHaveLength(1)
  })

  it('shows the error with a retry of the first page when nothing loaded', async () => {
    const footer = mountFooter({ loaded: false, error: '无权限' })
    expect(footer.get('[data-testid="list-error"]').text()).toContain('加载失败：无权限')
    await footer.get('button').trigger('click')
    expect(footer.emitted('retry')).toHaveLength(1)
  })
})
