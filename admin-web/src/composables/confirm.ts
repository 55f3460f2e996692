import { ElMessageBox } from 'element-plus'

/** A warning confirmation box; true when the user confirmed, false when they cancelled or closed it. */
export async function confirmed(message: string, title: string, confirmButtonText = '删除'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText, cancelButtonText: '取消' })
    return true
  } catch {
    return false
  }
}
