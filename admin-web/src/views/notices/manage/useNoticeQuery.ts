// 告知查询: every notice of the manager's subtree, filtered, coloured by state.
import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { listDepartments, queryNotices, type Notice, type NoticeDepartment, type NoticeFilters } from '@/api/notices'
import { useCursorList } from '@/composables/useCursorList'
import { blankNoticeSearch, toNoticeFilters, type NoticeSearch } from '../noticeState'

export function useNoticeQuery() {
  const router = useRouter()
  const form = reactive<NoticeSearch>(blankNoticeSearch())
  let applied: NoticeFilters = {}
  const list = useCursorList<Notice>((page) => queryNotices({ ...applied, ...page }))
  const departments = ref<NoticeDepartment[]>([])

  async function loadDepartments(): Promise<void> {
    try {
      departments.value = (await listDepartments()).items
    } catch {
      departments.value = []
    }
  }

  function search(): Promise<void> {
    applied = toNoticeFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, blankNoticeSearch())
    return search()
  }
  const openDetail = (row: Notice) => router.push({ name: 'notice-detail', params: { id: row.id }, query: { from: router.currentRoute.value.path } })

  return { form, ...list, departments, loadDepartments, search, reset, openDetail }
}
