import { describe, expect, it } from 'vitest'
import type { CheckItem } from '@/api/inspections'
import { catalogProblem, catalogRows, emptyCatalogForm, rowToForm } from './useCatalog'

const items = [
  {
    id: 1,
    name: '食品经营',
    line: '市场监管',
    sort: 0,
    enabled: true,
    subitems: [
      {
        id: 2,
        item_id: 1,
        name: '资质',
        method: '查看证照',
        basis: '食品安全法',
        sort: 0,
        enabled: true,
        contents: [
          { id: 3, subitem_id: 2, content: '健康证', result_type: 'choice', result_type_label: '选择型', options: ['齐全', '不齐全'], unit: '', sort: 0, enabled: true },
          { id: 4, subitem_id: 2, content: '温度', result_type: 'numeric', result_type_label: '数值型', options: [], unit: '℃', sort: 1, enabled: false },
        ],
      },
    ],
  },
] as unknown as CheckItem[]

describe('检查事项 catalog', () => {
  it('turns the catalog into a three-level tree of rows', () => {
    const rows = catalogRows(items)
    expect(rows[0]).toMatchObject({ key: 'i1', kind: 'item', extra: '1 个子项' })
    const sub = rows[0].children![0]
    expect(sub).toMatchObject({ key: 's2', kind: 'subitem', parentId: 1, detail: '查看证照', extra: '食品安全法' })
    expect(sub.children!.map((c) => [c.key, c.detail, c.extra, c.parentId])).toEqual([
      ['c3', '选择型', '选项：齐全 / 不齐全', 2],
      ['c4', '数值型', '单位：℃', 2],
    ])
    expect(rowToForm(sub.children![1])).toMatchObject({ kind: 'content', id: 4, parentId: 2, name: '温度', result_type: 'numeric', unit: '℃', enabled: false })
  })

  it('applies the content rules before saving', () => {
    const form = emptyCatalogForm('content', 2)
    expect(catalogProblem(form)).toBe('请填写检查内容')
    form.name = '是否亮证'
    form.options = ['是', ' 是 ']
    expect(catalogProblem(form)).toBe('选择型检查内容至少需要两个不同的选项')
    form.options = ['是', '否']
    expect(catalogProblem(form)).toBeNull()
    form.result_type = 'numeric'
    expect(catalogProblem(form)).toBe('数值型检查内容须填写单位')
    form.result_type = 'boolean'
    expect(catalogProblem(form)).toBeNull()
    const sub = { ...emptyCatalogForm('subitem', 1), name: '资质' }
    expect(catalogProblem(sub)).toBe('请填写检查方法与要求、检查依据')
  })
})
