// 新闻资讯 / 法律法规: list (server filters, keyset), editor (draft or withdrawn only), 发布 / 撤回 with confirmation.
import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { createArticle, getArticle, listArticles, publishArticle, updateArticle, withdrawArticle } from '@/api/content'
import type { Article, ArticleBody, ArticleFilters, ArticleResource } from '@/api/types'
import type { PickedFile } from '@/components/FileUploader.vue'
import { useCursorList } from '@/composables/useCursorList'
import { categoriesOf, isBlankHtml, nounOf } from './contentShared'

export interface ArticleForm {
  title: string
  summary: string
  category: string
  body_html: string
  issuer: string
  doc_number: string
  effective_date: string | null
  validity: string
  interpretation_html: string
  /** The cover image (an upload of this user, or the one already on the item). */
  cover: PickedFile | null
  /** Attachments already on the item (kept unless removed) and new uploads. */
  attachments: PickedFile[]
  uploads: PickedFile[]
}

export const blankArticleForm = (res: ArticleResource): ArticleForm => ({
  title: '',
  summary: '',
  category: categoriesOf(res)[0].value,
  body_html: '',
  issuer: '',
  doc_number: '',
  effective_date: null,
  validity: 'effective',
  interpretation_html: '',
  cover: null,
  attachments: [],
  uploads: [],
})

export function articleRules(res: ArticleResource): FormRules {
  return {
    title: [
      { required: true, whitespace: true, message: '请填写标题', trigger: 'blur' },
      { max: 200, message: '标题不超过200字', trigger: 'blur' },
    ],
    summary: [{ max: 500, message: '摘要不超过500字', trigger: 'blur' }],
    category: [{ required: true, message: '请选择分类', trigger: 'change' }],
    body_html: [
      { validator: (_r, v: string, cb) => (isBlankHtml(v ?? '') ? cb(new Error(res === 'news' ? '请填写正文' : '请填写法规正文')) : cb()), trigger: 'change' },
    ],
    ...(res === 'laws' ? { issuer: [{ max: 100, message: '发布机关不超过100字', trigger: 'blur' }] } : {}),
  }
}

export function toArticleBody(res: ArticleResource, form: ArticleForm, editing = false): ArticleBody {
  const body: ArticleBody = { title: form.title.trim(), summary: form.summary.trim(), category: form.category, body_html: form.body_html }
  // On an edit the lists are always sent: null removes the cover, the ids replace the attachments.
  if (form.cover || editing) body.cover_file_id = form.cover?.id ?? null
  const files = [...form.attachments, ...form.uploads].map((f) => f.id)
  if (files.length || editing) body.attachment_ids = files
  if (res === 'laws') {
    body.issuer = form.issuer.trim()
    body.doc_number = form.doc_number.trim()
    body.effective_date = form.effective_date || null
    body.validity = form.validity
    body.interpretation_html = form.interpretation_html
  }
  return body
}

export function useArticles(res: ArticleResource) {
  const noun = nounOf(res)
  const filters = reactive({ q: '', status: '', category: '', validity: '' })
  let applied: ArticleFilters = {}
  const list = useCursorList<Article>((page) => listArticles(res, { ...applied, ...page }))
  function search(): Promise<void> {
    applied = {
      q: filters.q.trim() || undefined,
      status: filters.status || undefined,
      category: filters.category || undefined,
      validity: res === 'laws' ? filters.validity || undefined : undefined,
    }
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(filters, { q: '', status: '', category: '', validity: '' })
    return search()
  }

  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editingId = ref<number | null>(null)
  const form = reactive<ArticleForm>(blankArticleForm(res))
  const loadingOne = ref(false)
  const saving = ref(false)

  function openCreate(): void {
    editingId.value = null
    Object.assign(form, blankArticleForm(res))
    visible.value = true
    formRef.value?.clearValidate()
  }

  async function openEdit(row: Article): Promise<void> {
    editingId.value = row.id
    visible.value = true
    loadingOne.value = true
    try {
      const a = await getArticle(res, row.id)
      Object.assign(form, {
        title: a.title,
        summary: a.summary ?? '',
        category: a.category,
        body_html: a.body_html ?? '',
        issuer: a.issuer ?? '',
        doc_number: a.doc_number ?? '',
        effective_date: a.effective_date ?? null,
        validity: a.validity ?? 'effective',
        interpretation_html: a.interpretation_html ?? '',
        cover: a.cover ? { id: a.cover.id, name: a.cover.name } : null,
        attachments: (a.attachments ?? []).map((f) => ({ id: f.id, name: f.name })),
        uploads: [],
      })
      formRef.value?.clearValidate()
    } catch {
      visible.value = false
    } finally {
      loadingOne.value = false
    }
  }

  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const body = toArticleBody(res, form, !!editingId.value)
      if (editingId.value) {
        const saved = await updateArticle(res, editingId.value, body)
        list.replace((r) => r.id === saved.id, saved)
        ElMessage.success('已保存')
      } else {
        list.prepend(await createArticle(res, body))
        ElMessage.success('已保存为草稿')
      }
      visible.value = false
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  async function publish(row: Article): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定发布「${row.title}」吗？发布后经营者即可在小程序中看到，发布期间不能修改。`, `发布${noun}`, {
        type: 'warning',
        confirmButtonText: '发布',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      const saved = await publishArticle(res, row.id)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('已发布')
    } catch {
      // shown by the request client
    }
  }

  async function withdraw(row: Article): Promise<void> {
    let reason: string
    try {
      const reply = await ElMessageBox.prompt(`撤回后经营者将看不到「${row.title}」。请填写撤回原因：`, `撤回${noun}`, {
        inputType: 'textarea',
        inputValidator: (v: string) => (!v || !v.trim() ? '请填写撤回原因' : v.trim().length > 500 ? '撤回原因不超过500字' : true),
        confirmButtonText: '撤回',
        cancelButtonText: '取消',
        type: 'warning',
      })
      reason = (reply as { value: string }).value.trim()
    } catch {
      return
    }
    try {
      const saved = await withdrawArticle(res, row.id, reason)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('已撤回')
    } catch {
      // shown by the request client
    }
  }

  return { noun, filters, ...list, search, reset, visible, editingId, form, rules: articleRules(res), loadingOne, saving, openCreate, openEdit, save, publish, withdraw }
}
