// 批量对比: the server counts the rows of the result workbook and sends the counts beside the file
// (header X-Compare-Counts: "same=1;name_differs=1;not_found=1;failed=1;total=4"); the screen shows them.

export interface CompareSummary {
  total: number
  same: number
  nameDiffers: number
  notFound: number
  failed: number
}

/** The counts of an X-Compare-Counts header, or null when it is missing or malformed. */
export function parseCounts(header: string | null | undefined): CompareSummary | null {
  if (!header) return null
  const values: Record<string, number> = {}
  for (const part of header.split(';')) {
    const [key, value] = part.split('=')
    const n = Number(value)
    if (!key || !Number.isInteger(n) || n < 0) return null
    values[key.trim()] = n
  }
  const keys = ['total', 'same', 'name_differs', 'not_found', 'failed']
  if (!keys.every((k) => k in values)) return null
  return {
    total: values.total,
    same: values.same,
    nameDiffers: values.name_differs,
    notFound: values.not_found,
    failed: values.failed,
  }
}

export function summaryText(s: CompareSummary): string {
  const parts = [`一致 ${s.same} 行`, `名称不一致 ${s.nameDiffers} 行`, `未找到 ${s.notFound} 行`]
  if (s.failed) parts.push(`失败 ${s.failed} 行`)
  return `共比对 ${s.total} 行：${parts.join('，')}`
}

/** The summary line of a compare result, or null when the server sent no counts. */
export function compareSummary(header: string | null | undefined): string | null {
  const summary = parseCounts(header)
  return summary ? summaryText(summary) : null
}
