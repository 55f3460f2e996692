import { describe, expect, it } from 'vitest'
import type { CheckContent, InspectionResult } from '@/api/inspections'
import { answerProblems, answerText, formToResult, resultToForm, todayIso } from './useResultForm'

const contents = [
  { id: 1, content: '亮证经营', result_type: 'boolean', options: [], unit: '' },
  { id: 2, content: '从业人员健康证', result_type: 'choice', options: ['齐全', '不齐全'], unit: '' },
  { id: 3, content: '冷藏温度', result_type: 'numeric', options: [], unit: '℃' },
  { id: 4, content: '其他情况', result_type: 'text', options: [], unit: '' },
] as CheckContent[]

describe('抽查结果录入', () => {
  it('starts with one empty answer per content and today as the check date', () => {
    const form = resultToForm({ contents, result: null }, '2026-12-01')
    expect(form.answers).toEqual({ 1: undefined, 2: undefined, 3: undefined, 4: undefined })
    expect(form.checked_on).toBe('2026-12-01')
    expect(form.method).toBe('on_site')
  })

  it('refuses missing or mistyped answers, a problem outcome without problems and a future date', () => {
    const form = resultToForm({ contents, result: null })
    form.answers[2] = '其他'
    form.outcome = 'problem'
    form.checked_on = '2999-01-01'
    const problems = answerProblems(contents, form)
    expect(problems).toMatchObject({ 1: '请填写检查结果', 2: '请选择给定选项', 3: '请填写检查结果', 4: '请填写检查结果', handling: '请填写处理情况', problems: '请填写发现的问题', checked_on: '检查日期不能晚于今天' })
  })

  it('sends every answer by type once the form is complete', () => {
    const form = resultToForm({ contents, result: null })
    Object.assign(form.answers, { 1: false, 2: '齐全', 3: 4.5, 4: ' 无 ' })
    form.handling = ' 责令改正 '
    expect(answerProblems(contents, form)).toEqual({})
    const body = formToResult(contents, form)
    expect(body).toMatchObject({ method: 'on_site', outcome: 'normal', problems: '', handling: '责令改正', checked_on: todayIso() })
    expect(body.answers).toEqual([
      { content_id: 1, value: false },
      { content_id: 2, value: '齐全' },
      { content_id: 3, value: 4.5 },
      { content_id: 4, value: '无' },
    ])
  })

  it('reloads a returned result into the form and reads answers for display', () => {
    const result = { method: 'documents', outcome: 'problem', problems: '未亮证', handling: '整改', note: '', checked_on: '2026-11-30', answers: [{ content_id: 1, value: false }, { content_id: 99, value: 'x' }] } as unknown as InspectionResult
    const form = resultToForm({ contents, result })
    expect(form.method).toBe('documents')
    expect(form.answers[1]).toBe(false)
    expect(99 in form.answers).toBe(false)
    expect(answerText({ result_type: 'boolean', value: true })).toBe('是')
    expect(answerText({ result_type: 'numeric', value: 4, unit: '℃' })).toBe('4 ℃')
    expect(answerText({ result_type: 'choice', value: '齐全' })).toBe('齐全')
  })
})
