import { writeFile } from 'node:fs/promises'
import type { CDPSession, Page } from 'playwright-core'

/**
 * A CPU profile of the page (CDP's sampling profiler) around a measured run, to say what a long task
 * was made of: the stretches where the page's main thread never went idle for longer than a long
 * task's 50 ms, and the functions that took the most of them. Diagnostic only (sampling costs some
 * time itself): `LANYARD_BENCH_PROFILE=<folder>` turns it on in the renderer rows bench.
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export interface BusyStretch {
  ms: number
  /** The functions that ran the most in it (self time), "name file:line ms". */
  top: string[]
}

export async function startProfile(page: Page, samplingIntervalUs = 500): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page)
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs })
  await session.send('Profiler.start')
  return session
}

/** Stops the profile, writes it to `path` (open it in Chrome's DevTools, Performance) and returns it. */
export async function stopProfile(session: CDPSession, path: string): Promise<CpuProfile> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await session.detach()
  await writeFile(path, JSON.stringify(profile))
  return profile
}

/** Stretches of at least `minimumMs` with no idle sample, longest first, each with its top functions. */
export function busyStretches(profile: CpuProfile, minimumMs = 50, topCount = 6): BusyStretch[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  const stretches: BusyStretch[] = []
  let selfMs = new Map<string, number>()
  let busyMs = 0
  const close = () => {
    if (busyMs >= minimumMs) {
      const top = [...selfMs].sort((left, right) => right[1] - left[1]).slice(0, topCount)
      stretches.push({ ms: busyMs, top: top.map(([frame, ms]) => `${frame} ${ms.toFixed(0)} ms`) })
    }
    selfMs = new Map()
    busyMs = 0
  }
  for (let index = 0; index < samples.length; index++) {
    const node = nodes.get(samples[index]!)
    // A sample's time is the gap to the next one.
    const ms = (deltas[index + 1] ?? 0) / 1000
    if (!node || node.callFrame.functionName === '(idle)') {
      close()
      continue
    }
    busyMs += ms
    const frame = frameName(node)
    selfMs.set(frame, (selfMs.get(frame) ?? 0) + ms)
  }
  close()
  return stretches.sort((left, right) => right.ms - left.ms)
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url.split('/').pop()?.split('?')[0] ?? ''
  return file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName
}
