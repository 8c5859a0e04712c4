import { fieldLabel } from '../../shared/directoryValidation'
import { AppError } from '../services/AppError'

/**
 * Throws `invalid_input` when the descriptor's checks found problems (field path → message), before
 * any call to the target. The service checks too; an adapter does not trust its caller.
 */
export function refuseInvalid(problems: Record<string, string>): void {
  const entries = Object.entries(problems)
  if (entries.length === 0) return
  const list = entries.map(([path, message]) => `${fieldLabel(path)}: ${message}`).join(' ')
  throw new AppError('invalid_input', `Nothing was sent. ${list}`, { fields: problems })
}
