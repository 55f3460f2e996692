import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compareSummary, sheetRows, summarize } from './compareSummary'

/** A minimal zip (no CRCs: the reader does not check them), each entry stored or deflated. */
function zip(files: [string, string][], deflate: boolean): ArrayBuffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, text] of files) {
    const raw = Buffer.from(text, 'utf8')
    const data = deflate ? deflateRawSync(raw) : raw
    const nameBuf = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(deflate ? 8 : 0, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(deflate ? 8 : 0, 10)
    dir.writeUInt32LE(data.length, 20)
    dir.writeUInt32LE(raw.length, 24)
    dir.writeUInt16LE(nameBuf.length, 28)
    dir.writeUInt32LE(offset, 42)
    parts.push(local, nameBuf, data)
    central.push(dir, nameBuf)
    offset += 30 + nameBuf.length + data.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  const all = Buffer.concat([...parts, dir, end])
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer
}

const SHARED = ['注册号', '统一社会信用代码', '主体名称', '比对结果', '失败原因', '一致', '未找到', '名称不一致', '注册号、统一社会信用代码不能同时为空']
const s = (i: number, ref: string) => `<c r="${ref}" t="s"><v>${i}</v></c>`
const SHEET = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${s(0, 'A1')}${s(1, 'B1')}${s(2, 'C1')}${s(3, 'D1')}${s(4, 'L1')}</row>
<row r="2"><c r="B2" t="inlineStr"><is><t>92420204MA6WPDQNQH</t></is></c>${s(5, 'D2')}</row>
<row r="3"><c r="B3" t="inlineStr"><is><t>92420204MA4E2E000X</t></is></c>${s(6, 'D3')}</row>
<row r="4"><c r="B4" t="inlineStr"><is><t>92420204MA6WPDQNQH</t></is></c>${s(7, 'D4')}</row>
<row r="5"><c r="C5" t="inlineStr"><is><t>无代码的店</t></is></c>${s(8, 'L5')}</row>
</sheetData></worksheet>`
const STRINGS = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${SHARED.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`

describe('the 批量对比 summary', () => {
  it('reads the first sheet of a stored or deflated workbook', async () => {
    for (const deflate of [false, true]) {
      const rows = await sheetRows(zip([['xl/sharedStrings.xml', STRINGS], ['xl/worksheets/sheet1.xml', SHEET]], deflate))
      expect(rows[0]).toEqual(['注册号', '统一社会信用代码', '主体名称', '比对结果', '', '', '', '', '', '', '', '失败原因'])
      expect(rows[1][3]).toBe('一致')
      expect(rows[4][11]).toBe('注册号、统一社会信用代码不能同时为空')
    }
  })

  it('counts each result', async () => {
    const rows = await sheetRows(zip([['xl/sharedStrings.xml', STRINGS], ['xl/worksheets/sheet1.xml', SHEET]], false))
    expect(summarize(rows)).toEqual({ total: 4, same: 1, nameDiffers: 1, notFound: 1, failed: 1 })
    expect(summarize([['注册号']])).toBeNull()
  })

  it('gives the message, or null for a file it cannot read', async () => {
    const blob = new Blob([zip([['xl/sharedStrings.xml', STRINGS], ['xl/worksheets/sheet1.xml', SHEET]], true)])
    expect(await compareSummary(blob)).toBe('共比对 4 行：一致 1 行，名称不一致 1 行，未找到 1 行，失败 1 行')
    expect(await compareSummary(new Blob(['not a zip']))).toBeNull()
  })
})
