import { http } from './request'
import type { ArticleBody, ArticleDetail, ArticleFilters, ArticleResource, Article, Page, PageQuery } from './types'

export const listArticles = (res: ArticleResource, query: ArticleFilters & PageQuery) => http.get<Page<Article>>(`/${res}`, { ...query })
export const getArticle = (res: ArticleResource, id: number) => http.get<ArticleDetail>(`/${res}/${id}`)
export const createArticle = (res: ArticleResource, body: ArticleBody) => http.post<ArticleDetail>(`/${res}`, body)
export const updateArticle = (res: ArticleResource, id: number, body: Partial<ArticleBody>) => http.patch<ArticleDetail>(`/${res}/${id}`, body)
export const publishArticle = (res: ArticleResource, id: number) => http.post<ArticleDetail>(`/${res}/${id}/publish`)
export const withdrawArticle = (res: ArticleResource, id: number, reason: string) => http.post<ArticleDetail>(`/${res}/${id}/withdraw`, { reason })
