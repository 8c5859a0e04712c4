import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue/types'
import { pluralNoun } from './listWords'

/*
 * The words around a list's search box, from the descriptor's `searchHelp`: what the search
 * matches (under the box), and, when nothing matched, what the target's search cannot do that the
 * person may have expected ("lefevre" for Lefèvre). Lanyard's own matching ignores accents and case
 * (shared/text.ts), so it needs no such warning.
 */

/** Typed without a letter outside ASCII: accents may be why a target that compares them found nothing. */
const plainLetters = /^[\x20-\x7e]*$/

/** The sentence under the search box; empty when the descriptor says nothing. */
export function searchHelpText(objectType: ObjectTypeDescriptor): string {
  return objectType.searchHelp?.matches ?? ''
}

/** "No users match "lefevre"." and, where the target's search is why, what to type instead. */
export function noMatchText(objectType: ObjectTypeDescriptor, targetLabel: string, search: string): string {
  const none = `No ${pluralNoun(objectType)} match "${search}".`
  const help = objectType.searchHelp
  if (!help || help.by === 'lanyard') return none
  if (!help.ignoresCase) {
    return `${none} ${targetLabel} compares letters exactly as stored: type capitals and accents as they are in the account, or search by email.`
  }
  if (!help.ignoresAccents && plainLetters.test(search) && /[a-z]/i.test(search)) {
    return `${none} ${targetLabel} does not ignore accents: a name written with them (Lefèvre, Björn) is found only when typed with them. Type the accents, or search by email.`
  }
  return none
}
