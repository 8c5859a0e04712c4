import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * Both palettes of `renderer/src/styles/app.css` hold WCAG AA for text (4.5:1; the app's text is
 * 11–15 px, never "large"): every pair of text colour and the backgrounds it is drawn on. A colour
 * added to one palette only, or a dark value too dim to read, fails here by name.
 */
const css = readFileSync(new URL('../../renderer/src/styles/app.css', import.meta.url), 'utf8')

function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) return {}
  const block = css.slice(start, css.indexOf('}', start))
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((match) => [match[1]!, match[2]!]))
}

const palettes = { light: palette(':root'), dark: palette(":root[data-theme='dark']") }

/** Each text colour and the backgrounds the app draws it on. */
const textOn: Record<string, string[]> = {
  text: ['background', 'surface', 'surface-hover', 'sidebar', 'selection', 'neutral-soft'],
  'text-muted': ['background', 'surface', 'surface-hover', 'sidebar', 'selection'],
  'accent-text': ['background', 'surface', 'surface-hover', 'selection'],
  'accent-contrast': ['accent', 'accent-hover'],
  danger: ['background', 'surface', 'danger-soft'],
  'danger-text': ['danger-soft'],
  'success-text': ['success-soft'],
  'warning-text': ['warning-soft', 'surface', 'background'],
  'neutral-text': ['neutral-soft'],
  'toast-text': ['toast', 'toast-error'],
}

/** The focus ring, a non-text indicator: 3:1 (WCAG 1.4.11) on every background it is drawn over. */
const focusOn = ['background', 'surface', 'surface-hover', 'sidebar', 'selection']

function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((left, right) => right - left)
  return (light! + 0.05) / (dark! + 0.05)
}

describe('the light and dark palettes', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('define the same variables', () => {
    expect(Object.keys(palettes.dark).sort()).toEqual(Object.keys(palettes.light).sort())
  })

  for (const [theme, colours] of Object.entries(palettes)) {
    it(`${theme}: every text colour reads at 4.5:1 or more on each background it is drawn on`, () => {
      const tooFaint: string[] = []
      for (const [text, backgrounds] of Object.entries(textOn)) {
        for (const background of backgrounds) {
          const [foreground, behind] = [colours[text], colours[background]]
          if (!foreground || !behind) tooFaint.push(`--${text} on --${background}: not defined`)
          else if (contrast(foreground, behind) < 4.5) tooFaint.push(`--${text} on --${background}: ${contrast(foreground, behind).toFixed(2)}:1`)
        }
      }
      expect(tooFaint).toEqual([])
    })

    it(`${theme}: the focus ring stands out at 3:1 or more on every background`, () => {
      const faintRing = focusOn.filter((background) => contrast(colours.focus ?? '#ffffff', colours[background] ?? '#ffffff') < 3)
      expect(faintRing).toEqual([])
    })
  }
})
