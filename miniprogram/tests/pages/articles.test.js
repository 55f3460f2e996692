jest.mock('../../services/content')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, attr, trigger } = require('../helpers/page')
const content = require('../../services/content')
const config = require('../../config')
const { richBody } = require('../../utils/article-pages')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

function news(id, title) {
  return { id, kind: 'news', title, summary: '摘要' + id, category: 'notice', category_label: '通知公告', published_at: '2026-05-0' + id + 'T01:00:00+00:00', view_count: 3 }
}

function law(id, title) {
  return Object.assign(news(id, title), {
    kind: 'law',
    category: 'law',
    category_label: '法律',
    issuer: '国务院',
    doc_number: '国令第755号',
    effective_date: '2022-11-01',
    validity: 'effective',
    validity_label: '现行有效',
  })
}

describe('新闻资讯 list', () => {
  const ROUTE = 'pages/news/index'

  test('lists the published news with category and date, and opens one', async () => {
    content.listArticles.mockResolvedValue({ items: [news(2, '年报通知'), news(1, '惠企政策发布')], next: null })
    const page = loadPage(ROUTE)
    await flush()
    expect(content.listArticles).toHaveBeenCalledWith('news', { limit: 20 }, expect.anything())
    expect(texts(page, '.articles__title')).toEqual(['年报通知', '惠企政策发布'])
    expect(texts(page, '.articles__date')).toEqual(['2026-05-02', '2026-05-01'])
    expect(textOf(page, '.articles__cat')).toBe('通知公告')
    await tap(page, '#item-2')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/news/detail/index?id=2' })
  })

  test('search sends the words; nothing found says so; clearing lists everything again', async () => {
    content.listArticles.mockResolvedValueOnce({ items: [news(1, '惠企政策发布')], next: null })
    const page = loadPage(ROUTE)
    await flush()
    content.listArticles.mockResolvedValueOnce({ items: [], next: null })
    await input(page, '#search', ' 年报 ')
    await tap(page, '#search-btn')
    expect(content.listArticles).toHaveBeenLastCalledWith('news', { limit: 20, q: '年报' }, expect.anything())
    expect(textOf(page, '#empty')).toBe('没有找到与“年报”相关的内容')

    content.listArticles.mockResolvedValueOnce({ items: [news(1, '惠企政策发布')], next: null })
    await tap(page, '#clear')
    expect(content.listArticles).toHaveBeenLastCalledWith('news', { limit: 20 }, expect.anything())
    expect(texts(page, '.articles__title')).toEqual(['惠企政策发布'])
  })

  test('confirming the keyboard searches too; errors show the API message', async () => {
    content.listArticles.mockResolvedValueOnce({ items: [], next: null })
    const page = loadPage(ROUTE)
    await flush()
    expect(textOf(page, '#empty')).toBe('暂无内容')
    content.listArticles.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
    await input(page, '#search', '政策')
    await trigger(page, '#search', 'confirm', { value: '政策' })
    expect(textOf(page, '#error')).toContain('网络异常')
  })

  test('more pages load at the bottom', async () => {
    content.listArticles.mockResolvedValueOnce({ items: [news(2, '二')], next: 'n1' })
    const page = loadPage(ROUTE)
    await flush()
    content.listArticles.mockResolvedValueOnce({ items: [news(1, '一')], next: null })
    await page.instance.onReachBottom()
    await flush()
    expect(content.listArticles).toHaveBeenLastCalledWith('news', { limit: 20, cursor: 'n1' })
    expect(texts(page, '.articles__title')).toEqual(['二', '一'])
  })
})

describe('法律法规', () => {
  test('the list shows validity and issuer and opens the law detail', async () => {
    content.listArticles.mockResolvedValue({ items: [law(5, '促进个体工商户发展条例')], next: null })
    const page = loadPage('pages/laws/index')
    await flush()
    expect(content.listArticles).toHaveBeenCalledWith('laws', { limit: 20 }, expect.anything())
    expect(textOf(page, '.articles__validity')).toBe('现行有效')
    await tap(page, '#item-5')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/laws/detail/index?id=5' })
  })

  test('the detail renders the body and the interpretation as rich text, with the law facts', async () => {
    content.getArticle.mockResolvedValue(
      Object.assign(law(5, '促进个体工商户发展条例'), {
        body_html: '<p>第一条 为了鼓励、支持和引导个体经济健康发展……</p>',
        interpretation_html: '<p>条例解读</p>',
        attachments: [{ id: 9, name: '条例全文.pdf', url: '/api/v1/mp/laws/5/files/9' }],
      })
    )
    const page = loadPage('pages/laws/detail/index', { query: { id: '5' } })
    await flush()
    expect(content.getArticle).toHaveBeenCalledWith('laws', '5', expect.anything())
    expect(textOf(page, '#title')).toBe('促进个体工商户发展条例')
    expect(textOf(page, '#validity')).toBe('现行有效')
    expect(page.instance.data.item.body).toContain('第一条')
    expect(exists(page, '#interpretation')).toBe(true)

    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/law.pdf' }
    await tap(page, '.article__file')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: config.apiBase + '/api/v1/mp/laws/5/files/9' }))
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/law.pdf' }))
  })
})

describe('新闻资讯 detail', () => {
  test('a withdrawn or unknown item shows the API message', async () => {
    content.getArticle.mockRejectedValue(new ApiError({ code: 'CONTENT_NOT_FOUND', message: '内容不存在或已下线', status: 404 }))
    const page = loadPage('pages/news/detail/index', { query: { id: '1' } })
    await flush()
    expect(textOf(page, '#error')).toContain('内容不存在或已下线')
    expect(exists(page, '#body')).toBe(false)
  })

  test('images and links to the API become absolute and fit the screen', () => {
    const html = richBody('<p><img src="/api/v1/mp/news/1/files/2"><a href="/api/v1/mp/news/1/files/3">附件</a></p>')
    expect(html).toContain('src="' + config.apiBase + '/api/v1/mp/news/1/files/2"')
    expect(html).toContain('href="' + config.apiBase + '/api/v1/mp/news/1/files/3"')
    expect(html).toContain('max-width:100%')
  })
})
