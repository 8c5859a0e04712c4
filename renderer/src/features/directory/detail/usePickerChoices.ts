import { computed, nextTick, ref, watch } from 'vue'
import type { DirectoryRow } from '../../../../../shared/directory'

/**
 * What the membership picker has ticked and where ↓ / ↑ stand, apart from how it looks: choices are
 * kept across searches, in the order ticked; the move goes through the results that can be ticked
 * (those the target would refuse, or already linked, are skipped), wrapping at either end, and starts
 * again from the top when new results come. `refusal` says why a result cannot be ticked, or null.
 */
export function usePickerChoices(options: { idPrefix: string; candidates: () => readonly DirectoryRow[]; refusal: (candidate: DirectoryRow) => string | null }) {
  /** Ticked so far, in the order ticked; kept while the person searches for the next one. */
  const chosen = ref<DirectoryRow[]>([])
  /** The result ↓ / ↑ moved to, by id. */
  const activeId = ref<string | null>(null)

  const chosenIds = computed(() => new Set(chosen.value.map((object) => object.id)))
  const optionId = (candidate: DirectoryRow) => `${options.idPrefix}-option-${candidate.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`
  const active = computed(() => options.candidates().find((candidate) => candidate.id === activeId.value) ?? null)
  const activeOptionId = computed(() => (active.value ? optionId(active.value) : undefined))

  // New results: the move starts again from the top.
  watch(options.candidates, () => {
    activeId.value = null
  })

  function reset(): void {
    chosen.value = []
    activeId.value = null
  }

  function toggle(candidate: DirectoryRow): void {
    if (options.refusal(candidate)) return
    activeId.value = candidate.id
    chosen.value = chosenIds.value.has(candidate.id) ? chosen.value.filter((object) => object.id !== candidate.id) : [...chosen.value, candidate]
  }

  function unchoose(object: DirectoryRow): void {
    chosen.value = chosen.value.filter((candidate) => candidate.id !== object.id)
  }

  /** Moves through the results that can be ticked, wrapping at either end, and keeps the one moved to in view. */
  function move(step: 1 | -1): void {
    const choices = options.candidates().filter((candidate) => options.refusal(candidate) === null)
    if (choices.length === 0) return
    const at = choices.findIndex((candidate) => candidate.id === activeId.value)
    const next = at === -1 ? (step === 1 ? 0 : choices.length - 1) : (at + step + choices.length) % choices.length
    activeId.value = choices[next]?.id ?? null
    void nextTick(() => document.getElementById(activeOptionId.value ?? '')?.scrollIntoView?.({ block: 'nearest' }))
  }

  /** What is ticked and can still be added (a result may have become linked since it was ticked). */
  const picked = () => chosen.value.filter((candidate) => options.refusal(candidate) === null)

  return { chosen, chosenIds, activeId, active, activeOptionId, optionId, reset, toggle, unchoose, move, picked }
}
