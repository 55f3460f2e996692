// Runs one e2e module on its own (the same helpers as login.e2e.mjs gives it):
//   BASE_URL=http://127.0.0.1:8000 node e2e/registration.mjs
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const isMain = (metaUrl) => process.argv[1] && fileURLToPath(metaUrl) === process.argv[1]

export async function runStandalone(run) {
  const baseUrl = (process.env.BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '')
  const shots = fileURLToPath(new URL('./screenshots/', import.meta.url))
  const timeout = Number(process.env.E2E_TIMEOUT_MS || 15000)
  mkdirSync(shots, { recursive: true })
  let passed = 0
  let failed = 0
  const check = async (name, fn) => {
    try {
      await fn()
      passed += 1
      console.log(`ok - ${name}`)
    } catch (error) {
      failed += 1
      console.log(`not ok - ${name}\n    ${String(error?.message || error).split('\n').slice(0, 6).join('\n    ')}`)
    }
  }
  const assert = (condition, message) => {
    if (!condition) throw new Error(message)
  }
  const shot = (page, name) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true })
  const fillLogin = async (page, username, password) => {
    await page.locator('input[name="username"]').fill(username)
    await page.locator('input[name="password"]').fill(password)
    const reply = page.waitForResponse((r) => r.url().includes('/api/v1/admin/auth/login'), { timeout })
    await page.getByRole('button', { name: /登\s*录/ }).click()
    return reply
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const pageErrors = []
  try {
    await run({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin: { username: 'admin', password: 'Admin@2026' } })
    await check('no uncaught errors in the pages', async () => assert(pageErrors.length === 0, pageErrors.join('\n')))
  } finally {
    await browser.close()
  }
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}
