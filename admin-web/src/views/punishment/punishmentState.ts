// 联合惩戒: the pure parts of the screens (choices, form rules, request bodies, feedback bookkeeping).
import type { FormRules } from 'element-plus'
import type {
  CatalogEntryBody,
  FeedbackBody,
  Matter,
  MatterBody,
  MatterFilters,
  MatterPatch,
  PunishmentCategory,
  PunishmentSubject,
} from '@/api/punishment'

export const CATEGORIES: { value: PunishmentCategory; label: string }[] = [
  { value: 'dishonest', label: '失信名单' },
  { value: 'abnormal', label: '企业经营异常名录' },
  { value: 'serious_violation', label: '严重违法失信企业' },
  { value: 'debtor', label: '失信被执行人名单' },
]

export const categoryLabel = (value: string) => CATEGORIES.find((c) => c.value === value)?.label ?? value

type Cb = (e?: Error) => void
const text = (label: string, min: number, max: number) => [
  { required: true, whitespace: true, message: `请填写${label}`, trigger: 'blur' },
  { min, max, message: `${label}为${min}至${max}个字`, trigger: 'blur' },
]

// ---------------------------------------------------------------- 惩戒目录

export interface EntryForm {
  name: string
  proposing_org: string
  department_id: number | null
  basis: string
  measures: string
}

export const blankEntry = (proposingOrg = ''): EntryForm => ({
  name: '',
  proposing_org: proposingOrg,
  department_id: null,
  basis: '',
  measures: '',
})

export const entryRules: FormRules = {
  name: text('项目名称', 2, 128),
  proposing_org: text('提请机关', 2, 128),
  department_id: [{ required: true, message: '请选择惩戒机关', trigger: 'change' }],
  basis: text('惩戒依据', 2, 2000),
  measures: text('惩戒措施', 2, 2000),
}

export function toEntryBody(form: EntryForm): CatalogEntryBody {
  return {
    name: form.name.trim(),
    proposing_org: form.proposing_org.trim(),
    department_id: form.department_id as number,
    basis: form.basis.trim(),
    measures: form.measures.trim(),
  }
}

// ---------------------------------------------------------------- 惩戒事项发布

export interface MatterForm {
  category: PunishmentCategory | ''
  subjects: PunishmentSubject[]
  entry_ids: number[]
  decision_no: string
  decision_org: string
  decision_date: string
  expected_on: string
  requirements: string
}

export const blankMatter = (category: PunishmentCategory | '' = ''): MatterForm => ({
  category,
  subjects: [],
  entry_ids: [],
  decision_no: '',
  decision_org: '',
  decision_date: '',
  expected_on: '',
  requirements: '',
})

export function matterRules(form: MatterForm): FormRules {
  return {
    category: [{ required: true, message: '请选择惩戒类别', trigger: 'change' }],
    subjects: [
      {
        validator: (_r: unknown, _v: unknown, cb: Cb) => (form.subjects.length ? cb() : cb(new Error('请选择或导入惩戒主体'))),
        trigger: 'change',
      },
    ],
    entry_ids: [
      {
        validator: (_r: unknown, _v: unknown, cb: Cb) => (form.entry_ids.length ? cb() : cb(new Error('请选择至少一项惩戒目录'))),
        trigger: 'change',
      },
    ],
    decision_no: [
      { required: true, whitespace: true, message: '请填写做出惩戒决定文号', trigger: 'blur' },
      { max: 128, message: '决定文号不超过128字', trigger: 'blur' },
    ],
    decision_org: text('做出惩戒决定机关', 2, 128),
    decision_date: [{ required: true, message: '请选择做出惩戒决定日期', trigger: 'change' }],
    expected_on: [
      {
        validator: (_r: unknown, v: string, cb: Cb) =>
          v && form.decision_date && v < form.decision_date ? cb(new Error('期望执行时间不能早于决定日期')) : cb(),
        trigger: 'change',
      },
    ],
    requirements: [{ max: 2000, message: '补充要求不超过2000字', trigger: 'blur' }],
  }
}

export function toMatterBody(form: MatterForm): MatterBody {
  return {
    category: form.category as PunishmentCategory,
    business_ids: form.subjects.map((s) => s.id),
    entry_ids: [...form.entry_ids],
    decision_no: form.decision_no.trim(),
    decision_org: form.decision_org.trim(),
    decision_date: form.decision_date,
    expected_on: form.expected_on || null,
    requirements: form.requirements.trim(),
  }
}

/** The publish form filled with a published matter, for 修改. */
export function matterToForm(m: Matter): MatterForm {
  return {
    category: m.category,
    subjects: m.subjects.map((s) => ({
      id: s.business_id,
      name: s.name,
      uscc: s.uscc,
      operator_name: s.operator_name,
      established_on: null,
      address: null,
    })),
    entry_ids: m.entries.map((e) => e.id),
    decision_no: m.decision_no,
    decision_org: m.decision_org,
    decision_date: m.decision_date,
    expected_on: m.expected_on ?? '',
    requirements: m.requirements,
  }
}

/** 修改: the decision fields and the full new sets of subjects and entries (the category stays as published). */
export function toMatterPatch(form: MatterForm): MatterPatch {
  const { category: _category, ...rest } = toMatterBody(form)
  return rest
}

/** Subjects and entries of a matter that already have feedback: 修改 cannot remove them. */
export function lockedByFeedback(m: Matter | null): { businesses: Set<number>; entries: Set<number> } {
  const fb = m?.feedback ?? []
  return { businesses: new Set(fb.map((f) => f.business_id)), entries: new Set(fb.map((f) => f.entry_id)) }
}

/** Add subjects to the chosen ones, keeping the first copy of each business; returns how many were new. */
export function addSubjects(chosen: PunishmentSubject[], more: PunishmentSubject[]): number {
  const have = new Set(chosen.map((s) => s.id))
  let added = 0
  for (const s of more) {
    if (have.has(s.id)) continue
    have.add(s.id)
    chosen.push(s)
    added += 1
  }
  return added
}

/** The punishing departments the chosen entries reach (each once, in entry order). */
export function departmentsOf(entries: { id: number; department: { id: number; name: string } }[], ids: number[]): string[] {
  const names: string[] = []
  for (const e of entries) if (ids.includes(e.id) && !names.includes(e.department.name)) names.push(e.department.name)
  return names
}

export function toMatterFilters(form: { category: string; q: string }): MatterFilters {
  const out: MatterFilters = {}
  if (form.category) out.category = form.category as PunishmentCategory
  if (form.q.trim()) out.q = form.q.trim()
  return out
}

// ---------------------------------------------------------------- 惩戒实施反馈

export interface FeedbackForm {
  business_id: number | null
  entry_id: number | null
  implemented_on: string
  measure: string
  note: string
}

export const blankFeedback = (): FeedbackForm => ({ business_id: null, entry_id: null, implemented_on: '', measure: '', note: '' })

export const feedbackRules: FormRules = {
  business_id: [{ required: true, message: '请选择惩戒主体', trigger: 'change' }],
  entry_id: [{ required: true, message: '请选择惩戒目录', trigger: 'change' }],
  implemented_on: [{ required: true, message: '请选择实施日期', trigger: 'change' }],
  measure: text('落实的惩戒措施', 2, 2000),
  note: [{ max: 500, message: '备注不超过500字', trigger: 'blur' }],
}

export function toFeedbackBody(form: FeedbackForm): FeedbackBody {
  return {
    business_id: form.business_id as number,
    entry_id: form.entry_id as number,
    implemented_on: form.implemented_on,
    measure: form.measure.trim(),
    note: form.note.trim(),
  }
}

/**
 * Feedback progress of a matter as its reader sees it: (subject × entry) pairs, and how many have a feedback.
 */
export function feedbackProgress(m: Matter): { done: number; total: number } {
  const total = m.subjects.length * m.entries.length
  const ids = new Set(m.entries.map((e) => e.id))
  const done = new Set(m.feedback.filter((f) => ids.has(f.entry_id)).map((f) => `${f.business_id}|${f.entry_id}`)).size
  return { done: Math.min(done, total), total }
}

/** The first (subject, entry) pair of a matter without feedback, to preselect in the feedback form. */
export function firstPending(m: Matter): { business_id: number; entry_id: number } | null {
  const given = new Set(m.feedback.map((f) => `${f.business_id}|${f.entry_id}`))
  for (const s of m.subjects) {
    for (const e of m.entries) if (!given.has(`${s.business_id}|${e.id}`)) return { business_id: s.business_id, entry_id: e.id }
  }
  return null
}

/** Years for the statistics picker: this year and the four before. */
export function statYears(today = new Date()): number[] {
  const y = today.getFullYear()
  return [y, y - 1, y - 2, y - 3, y - 4]
}
