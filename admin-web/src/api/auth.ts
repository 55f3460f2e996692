import { http } from './request'
import type { Captcha, LoginPayload, LoginResult, Me, PasswordChange, Token } from './types'

// Login errors (LOGIN_FAILED, CAPTCHA_REQUIRED …) are shown by the login page itself.
export const getCaptcha = () => http.get<Captcha>('/auth/captcha', undefined, { auth: false })
export const login = (body: LoginPayload) => http.post<LoginResult>('/auth/login', body, { auth: false, silent: true })
export const refresh = (refresh_token: string) => http.post<{ token: Token }>('/auth/refresh', { refresh_token }, { auth: false })
export const logout = (refresh_token: string) => http.post<null>('/auth/logout', { refresh_token }, { auth: false, silent: true })
export const getMe = () => http.get<Me>('/me')
export const changePassword = (body: PasswordChange) => http.post<null>('/me/password', body)
