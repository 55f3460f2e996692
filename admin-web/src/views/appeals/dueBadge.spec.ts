import { describe, expect, it } from 'vitest'
import { dueBadge, formatDuration } from './dueBadge'

const base = { status: 'accepted' as const, overdue: false, ever_overdue: false, due_soon: false, time_left_seconds: 0, replied_at: null }

describe('formatDuration', () => {
  it('shows days and hours, or less than an hour', () => {
    expect(formatDuration(3 * 86400 + 5 * 3600 + 59)).toBe('3天5小时')
    expect(formatDuration(2 * 86400)).toBe('2天')
    expect(formatDuration(7200)).toBe('2小时')
    expect(formatDuration(59)).toBe('不足1小时')
  })
})

describe('dueBadge', () => {
  it('shows the time left on an open appeal', () => {
    expect(dueBadge({ ...base, time_left_seconds: 15 * 86400 })).toEqual({ text: '剩余15天', type: 'success' })
  })

  it('warns when the limit is near', () => {
    expect(dueBadge({ ...base, due_soon: true, time_left_seconds: 30 * 3600 })).toEqual({ text: '即将到期，剩1天6小时', type: 'warning' })
  })

  it('marks an overdue appeal red with how late it is', () => {
    expect(dueBadge({ ...base, overdue: true, time_left_seconds: -2 * 86400 })).toEqual({ text: '已超期，超2天', type: 'danger' })
    // the transfer limit can make an appeal overdue while finish time is left
    expect(dueBadge({ ...base, overdue: true, time_left_seconds: 86400 }).type).toBe('danger')
  })

  it('tells on-time from late answers once replied', () => {
    expect(dueBadge({ ...base, status: 'replied', time_left_seconds: null })).toEqual({ text: '按期办结', type: 'success' })
    expect(dueBadge({ ...base, status: 'closed', ever_overdue: true, time_left_seconds: null }).text).toBe('超期办结')
  })
})
