import { describe, expect, it, vi } from 'vitest'

const get = vi.fn()
const post = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (p: string, q?: unknown) => get(p, q), post: (p: string) => post(p), patch: vi.fn(), delete: vi.fn() },
}))

const { useLoanInbox } = await import('./useLoanInbox')

const note = (id: number, read = false) => ({ id, kind: 'application_submitted', title: '新的贷款申请', body: '', application_id: id, read, read_at: null, created_at: '' })

describe('loan inbox', () => {
  it('takes the unread count from the list, marks one and all as read', async () => {
    get.mockResolvedValue({ items: [note(1), note(2)], next: null, unread: 2 })
    const inbox = useLoanInbox()
    await inbox.open()
    expect(inbox.visible.value).toBe(true)
    expect(inbox.unread.value).toBe(2)
    post.mockResolvedValueOnce(note(1, true))
    await inbox.markRead(inbox.items.value[0])
    expect(post).toHaveBeenLastCalledWith('/loans/notifications/1/read')
    expect(inbox.unread.value).toBe(1)
    await inbox.markRead(inbox.items.value[0]) // already read: no call
    expect(post).toHaveBeenCalledTimes(1)
    post.mockResolvedValueOnce(null)
    await inbox.markAll()
    expect(post).toHaveBeenLastCalledWith('/loans/notifications/read-all')
    expect(inbox.unread.value).toBe(0)
    expect(inbox.items.value.every((n) => n.read)).toBe(true)
  })
})
