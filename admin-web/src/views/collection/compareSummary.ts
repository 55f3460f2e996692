// 批量对比 answers a workbook; count its 比对结果 column for the summary message. Reads just
// enough of the .xlsx (zip → first sheet + shared strings) with the browser's own inflater.

const decoder = new TextDecoder()

async function inflate(data: Uint8Array, method: number): Promise<Uint8Array> {
  if (method === 0) return data
  if (method !== 8 || typeof DecompressionStream === 'undefined') throw new Error('unsupported compression')
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data)
      controller.close()
    },
  })
  const stream = source.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The named entries of a zip archive, as text. */
export async function zipTexts(buf: ArrayBuffer, wanted: (name: string) => boolean): Promise<Record<string, string>> {
  const view = new DataView(buf)
  let end = -1
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 65557); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw new Error('not a zip file')
  const count = view.getUint16(end + 10, true)
  let p = view.getUint32(end + 16, true)
  const out: Record<string, string> = {}
  for (let n = 0; n < count; n += 1) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory')
    const method = view.getUint16(p + 10, true)
    const size = view.getUint32(p + 20, true)
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const local = view.getUint32(p + 42, true)
    const name = decoder.decode(new Uint8Array(buf, p + 46, nameLen))
    if (wanted(name)) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
      out[name] = decoder.decode(await inflate(new Uint8Array(buf, start, size), method))
    }
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const colIndex = (ref: string) => {
  let n = 0
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** The rows of the first sheet, as strings. */
export async function sheetRows(buf: ArrayBuffer): Promise<string[][]> {
  const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/
  const texts = await zipTexts(buf, (name) => SHEET.test(name) || name === 'xl/sharedStrings.xml')
  const sheetName = Object.keys(texts)
    .filter((name) => SHEET.test(name))
    .sort((a, b) => Number(/\d+/.exec(a.slice(14))?.[0]) - Number(/\d+/.exec(b.slice(14))?.[0]))[0]
  if (!sheetName) throw new Error('no sheet')
  const parser = new DOMParser()
  const shared = texts['xl/sharedStrings.xml']
    ? [...parser.parseFromString(texts['xl/sharedStrings.xml'], 'application/xml').getElementsByTagName('si')].map((si) =>
        [...si.getElementsByTagName('t')].map((t) => t.textContent ?? '').join(''),
      )
    : []
  const doc = parser.parseFromString(texts[sheetName], 'application/xml')
  return [...doc.getElementsByTagName('row')].map((row) => {
    const cells: string[] = []
    for (const c of row.getElementsByTagName('c')) {
      const type = c.getAttribute('t')
      const v = c.getElementsByTagName('v')[0]?.textContent ?? ''
      const text =
        type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? [...c.getElementsByTagName('t')].map((t) => t.textContent ?? '').join('') : v
      const ref = c.getAttribute('r')
      cells[ref ? colIndex(ref) : cells.length] = text
    }
    return Array.from(cells, (x) => x ?? '')
  })
}

export interface CompareSummary {
  total: number
  same: number
  nameDiffers: number
  notFound: number
  failed: number
}

export function summarize(rows: string[][]): CompareSummary | null {
  const [header, ...body] = rows
  const result = header?.indexOf('比对结果') ?? -1
  const reason = header?.indexOf('失败原因') ?? -1
  if (result < 0) return null
  const summary: CompareSummary = { total: 0, same: 0, nameDiffers: 0, notFound: 0, failed: 0 }
  for (const row of body) {
    if (!row.some((v) => v.trim())) continue
    summary.total += 1
    const r = (row[result] ?? '').trim()
    if (r === '一致') summary.same += 1
    else if (r === '名称不一致') summary.nameDiffers += 1
    else if (r === '未找到') summary.notFound += 1
    else if (reason >= 0 && (row[reason] ?? '').trim()) summary.failed += 1
  }
  return summary
}

export function summaryText(s: CompareSummary): string {
  const parts = [`一致 ${s.same} 行`, `名称不一致 ${s.nameDiffers} 行`, `未找到 ${s.notFound} 行`]
  if (s.failed) parts.push(`失败 ${s.failed} 行`)
  return `共比对 ${s.total} 行：${parts.join('，')}`
}

/** The summary line of a result workbook, or null when it cannot be read. */
export async function compareSummary(blob: Blob): Promise<string | null> {
  try {
    const summary = summarize(await sheetRows(await blob.arrayBuffer()))
    return summary ? summaryText(summary) : null
  } catch {
    return null
  }
}
