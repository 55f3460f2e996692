// The institution's inbox (new applications, withdrawals): unread badge, list, mark read. Bank staff only.
import { ref } from 'vue'
import { listLoanNotifications, loanUnreadCount, readAllLoanNotifications, readLoanNotification, type LoanNotification } from '@/api/loans'
import { useCursorList } from '@/composables/useCursorList'

export function useLoanInbox() {
  const unread = ref(0)
  const visible = ref(false)
  const list = useCursorList<LoanNotification>(async (page) => {
    const reply = await listLoanNotifications(page)
    unread.value = reply.unread
    return reply
  })
  async function refreshCount(): Promise<void> {
    try {
      unread.value = (await loanUnreadCount()).unread
    } catch {
      // the badge stays as it was
    }
  }
  function open(): Promise<void> {
    visible.value = true
    return list.reload()
  }
  async function markRead(n: LoanNotification): Promise<void> {
    if (n.read) return
    try {
      list.replace((r) => r.id === n.id, await readLoanNotification(n.id))
      unread.value = Math.max(0, unread.value - 1)
    } catch {
      /* shown */
    }
  }
  async function markAll(): Promise<void> {
    try {
      await readAllLoanNotifications()
      unread.value = 0
      list.items.value = list.items.value.map((n) => ({ ...n, read: true }))
    } catch {
      /* shown */
    }
  }
  return { unread, visible, ...list, refreshCount, open, markRead, markAll }
}
