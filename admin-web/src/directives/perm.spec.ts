import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent } from 'vue'
import type { Me } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { vPerm } from './perm'

const Toolbar = defineComponent({
  directives: { perm: vPerm },
  template: `
    <div>
      <button class="view">查看</button>
      <button v-perm="'user:write'" class="create">新增用户</button>
      <button v-perm="['audit:read', 'user:write']" class="any">任一权限</button>
      <button v-perm="'audit:read'" class="audit">审计</button>
    </div>`,
})

function mountWith(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = { permissions } as unknown as Me
  return mount(Toolbar, { global: { plugins: [pinia] } })
}

describe('v-perm', () => {
  it('keeps the buttons the user may use and removes the others', () => {
    const wrapper = mountWith(['user:read', 'user:write'])
    expect(wrapper.find('.view').exists()).toBe(true)
    expect(wrapper.find('.create').exists()).toBe(true)
    expect(wrapper.find('.any').exists()).toBe(true)
    expect(wrapper.find('.audit').exists()).toBe(false)
  })

  it('removes write buttons for a read-only user', () => {
    const wrapper = mountWith(['user:read'])
    expect(wrapper.find('.view').exists()).toBe(true)
    expect(wrapper.find('.create').exists()).toBe(false)
    expect(wrapper.find('.any').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('新增用户')
  })
})
