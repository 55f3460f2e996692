const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-03-01T08:05:00+08:00" → "2026-03-01 08:05" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
