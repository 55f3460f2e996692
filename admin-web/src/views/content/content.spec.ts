import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(async () => ({ items: [], next: null })), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { articleRules, blankArticleForm, toArticleBody } = await import('./useArticles')
const { isBlankHtml } = await import('./contentShared')
const { default: RichTextEditor } = await import('@/components/RichTextEditor.vue')

type Rule = { required?: boolean; message?: string; validator?: (...a: unknown[]) => void }
function errors(rules: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, list] of Object.entries(rules as Record<string, Rule[]>)) {
    for (const rule of list) {
      const v = values[field]
      if (rule.required && (v == null || String(v).trim() === '')) out.push(rule.message!)
      else if (rule.validator) rule.validator(rule, v, (e?: Error) => e && out.push(e.message))
    }
  }
  return out
}

describe('article editor', () => {
  it('asks for a title and a non-blank body in Chinese', () => {
    expect(errors(articleRules('news'), { ...blankArticleForm('news'), body_html: '<p> </p>' })).toEqual(['请填写标题', '请填写正文'])
    expect(errors(articleRules('laws'), { ...blankArticleForm('laws'), title: '条例', body_html: '<p>第一条</p>' })).toEqual([])
    expect(isBlankHtml('<p>&nbsp;</p><p></p>')).toBe(true)
  })

  it('sends the law fields only for laws', () => {
    const form = { ...blankArticleForm('laws'), title: ' 条例 ', body_html: '<p>x</p>', issuer: '国务院', effective_date: '2026-01-01' }
    expect(toArticleBody('news', form)).toEqual({ title: '条例', summary: '', category: 'law', body_html: '<p>x</p>' })
    expect(toArticleBody('laws', form)).toMatchObject({ issuer: '国务院', effective_date: '2026-01-01', validity: 'effective' })
    expect(blankArticleForm('news').category).toBe('policy_interpretation')
  })

  it('sends cover and attachments on create only when set, and always on an edit', () => {
    const base = { ...blankArticleForm('news'), title: 't', body_html: '<p>x</p>' }
    expect(toArticleBody('news', base)).not.toHaveProperty('cover_file_id')
    expect(toArticleBody('news', base)).not.toHaveProperty('attachment_ids')
    expect(toArticleBody('news', base, true)).toMatchObject({ cover_file_id: null, attachment_ids: [] })
    const withFiles = { ...base, cover: { id: 3, name: 'c.png' }, attachments: [{ id: 5, name: 'a.pdf' }], uploads: [{ id: 9, name: 'b.pdf' }] }
    expect(toArticleBody('news', withFiles)).toMatchObject({ cover_file_id: 3, attachment_ids: [5, 9] })
  })
})

describe('RichTextEditor', () => {
  it('renders the HTML it is given with a toolbar, and follows outside changes', async () => {
    const wrapper = mount(RichTextEditor, { props: { modelValue: '<p>第一段<strong>加粗</strong></p>' } })
    await vi.waitFor(() => expect(wrapper.find('.ProseMirror').exists()).toBe(true))
    expect(wrapper.find('.ProseMirror').html()).toContain('<strong>加粗</strong>')
    expect(wrapper.findAll('.rte__bar button').map((b) => b.text())).toContain('链接')
    await wrapper.setProps({ modelValue: '<h2>新标题</h2>' })
    await nextTick()
    expect(wrapper.find('.ProseMirror').html()).toContain('新标题')
    wrapper.unmount()
  })
})
