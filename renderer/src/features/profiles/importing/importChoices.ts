import type { ImportPreviewEntry, ImportResolution } from '../../../../../shared/profiles'

export type ImportAction = ImportResolution['action']

export interface ImportRowChoice {
  action: ImportAction
  /** The name to use for `rename`; starts as main's suggestion. */
  name: string
}

/** The actions that make sense for a row: a clash cannot simply be added, a refused entry only skipped. */
export function actionsFor(entry: ImportPreviewEntry): { value: ImportAction; label: string }[] {
  if (entry.refusal !== null) return [{ value: 'skip', label: 'Skip' }]
  if (entry.clashesWith === null) {
    return [
      { value: 'add', label: 'Add' },
      { value: 'skip', label: 'Skip' },
    ]
  }
  return [
    // The name field beside the choice holds the new name (the suggestion first), so the label
    // does not repeat a name that the person may already have changed.
    { value: 'rename', label: 'Import under a new name' },
    { value: 'replace', label: 'Replace the existing profile' },
    { value: 'skip', label: 'Skip' },
  ]
}

/** New profiles are added; a clash is renamed by default, the choice that loses nothing; a refused entry is skipped. */
export function defaultChoice(entry: ImportPreviewEntry): ImportRowChoice {
  if (entry.refusal !== null) return { action: 'skip', name: entry.suggestedName }
  return { action: entry.clashesWith === null ? 'add' : 'rename', name: entry.suggestedName }
}

export function toResolutions(entries: readonly ImportPreviewEntry[], choices: readonly ImportRowChoice[]): ImportResolution[] {
  return entries.map((entry, position) => {
    const choice = choices[position] ?? defaultChoice(entry)
    return choice.action === 'rename'
      ? { index: entry.index, action: 'rename', name: choice.name.trim() }
      : { index: entry.index, action: choice.action }
  })
}

export function importedCountMessage(count: number): string {
  if (count === 0) return 'Nothing was imported: every profile was skipped.'
  if (count === 1) return '1 profile imported — enter its secrets'
  return `${count} profiles imported — enter their secrets`
}
