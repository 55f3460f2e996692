// 证照登记及打印: the licence data of an approved application, and its PDF to print.
import { computed, ref, shallowRef } from 'vue'
import { ApiError } from '@/api/request'
import { fetchLicensePdf, getLicense, type License } from '@/api/registrations'
import { useFilePreview } from '@/composables/useFilePreview'

/** The printed fields of a 营业执照, in the order of the paper form. */
export function licenseFields(license: License): { label: string; value: string }[] {
  return [
    { label: '统一社会信用代码', value: license.uscc },
    { label: '名称', value: license.name },
    { label: '类型', value: license.kind_label },
    { label: '经营者', value: license.operator_name },
    { label: '经营场所', value: license.place },
    { label: '组成形式', value: license.form },
    { label: '资金数额', value: license.capital ? `${license.capital} 万元` : '—' },
    { label: '注册日期', value: license.established_on },
    { label: '经营期限', value: license.term },
    { label: '经营范围', value: license.scope_text },
    { label: '登记机关', value: license.authority },
    { label: '核准日期', value: license.approved_on },
  ]
}

export function useLicense(id: () => number) {
  const license = shallowRef<License | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const preview = useFilePreview()

  async function load(): Promise<void> {
    loading.value = true
    try {
      license.value = await getLicense(id())
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  const fields = computed(() => (license.value ? licenseFields(license.value) : []))
  const fileName = () => `营业执照-${license.value?.uscc ?? id()}.pdf`
  const openPdf = () => preview.open('营业执照（打印）', () => fetchLicensePdf(id()))
  const downloadPdf = () => preview.download(fileName(), () => fetchLicensePdf(id()))

  return { license, loading, error, load, fields, preview, openPdf, downloadPdf }
}
