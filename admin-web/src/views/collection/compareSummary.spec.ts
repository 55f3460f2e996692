import { describe, expect, it } from 'vitest'
import { compareSummary, parseCounts, summaryText } from './compareSummary'

describe('批量对比 summary', () => {
  it('reads the counts the server sends beside the workbook', () => {
    expect(parseCounts('same=1;name_differs=1;not_found=1;failed=1;total=4')).toEqual({
      total: 4,
      same: 1,
      nameDiffers: 1,
      notFound: 1,
      failed: 1,
    })
    expect(compareSummary('same=1;name_differs=1;not_found=1;failed=1;total=4')).toBe(
      '共比对 4 行：一致 1 行，名称不一致 1 行，未找到 1 行，失败 1 行',
    )
  })

  it('leaves out 失败 when every row was compared', () => {
    expect(summaryText({ total: 2, same: 2, nameDiffers: 0, notFound: 0, failed: 0 })).toBe('共比对 2 行：一致 2 行，名称不一致 0 行，未找到 0 行')
  })

  it('gives no summary for a missing or malformed header', () => {
    expect(compareSummary(null)).toBeNull()
    expect(compareSummary('same=1;total=x')).toBeNull()
    expect(compareSummary('same=1;total=1')).toBeNull()
  })
})
