import { describe, expect, it, vi } from 'vitest'

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { activityRules, blankActivityForm, toActivityBody, toLocalInput, withOffset } = await import('./useActivities')
const { storyRules, toStoryBody, blankStoryForm } = await import('./usePartyRecords')

type Rule = { required?: boolean; message?: string; validator?: (...a: unknown[]) => void }
function run(rules: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, list] of Object.entries(rules as Record<string, Rule[]>)) {
    for (const rule of list) {
      const v = values[field]
      const empty = v == null || String(v).trim() === ''
      if (rule.required && empty) out.push(rule.message!)
      else if (rule.validator && (!empty || !rule.required)) rule.validator(rule, v, (e?: Error) => e && out.push(e.message))
    }
  }
  return out
}

describe('party activities', () => {
  it('asks for name, place and a future period, in Chinese', () => {
    expect(run(activityRules, { ...blankActivityForm() })).toEqual(['请填写活动名称', '请填写活动地点', '请选择活动时间'])
    expect(run(activityRules, { title: 'a', place: 'b', capacity: 5, period: ['2020-01-01T09:00:00', '2020-01-01T10:00:00'] })).toEqual(['开始时间应晚于当前时间'])
    expect(run(activityRules, { title: 'a', place: 'b', capacity: 5, period: ['2099-01-01T10:00:00', '2099-01-01T09:00:00'] })).toEqual(['结束时间应晚于开始时间'])
  })

  it('sends times with the browser offset and reads them back for the picker', () => {
    const iso = withOffset('2099-05-01T09:30:00')
    expect(iso).toMatch(/^2099-05-01T09:30:00[+-]\d\d:\d\d$/)
    expect(new Date(iso).getTime()).toBe(new Date('2099-05-01T09:30:00').getTime())
    expect(toLocalInput(iso)).toBe('2099-05-01T09:30:00')
    const body = toActivityBody({ title: ' 主题党日 ', place: ' 会议室 ', description: '', capacity: 20, period: ['2099-05-01T09:30:00', '2099-05-01T11:00:00'] })
    expect(body).toMatchObject({ title: '主题党日', place: '会议室', capacity: 20 })
  })
})

describe('party stories', () => {
  it('needs a title, a subject and a body', () => {
    expect(run(storyRules, { ...blankStoryForm(), body_html: '<p></p>' })).toEqual(['请填写标题', '请填写事迹主人公', '请填写事迹正文'])
    expect(toStoryBody({ title: ' t ', summary: '', subject: ' s ', body_html: '<p>x</p>' })).toEqual({ title: 't', summary: '', subject: 's', body_html: '<p>x</p>' })
  })
})
