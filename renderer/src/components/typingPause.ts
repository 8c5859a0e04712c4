import { onBeforeUnmount } from 'vue'

/**
 * How long typing must pause before a search goes to the target: long enough to skip the requests
 * of a fast typist's middle keystrokes (each would spend the target's rate limit, and a Cognito
 * group search reads every group of the pool), short enough to feel live.
 */
export const typingPauseMs = 150

/** Runs `action` once typing has paused; a run still waiting is dropped when the component goes. */
export function onTypingPause(action: () => void, pauseMs = typingPauseMs): { typed: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => clearTimeout(timer)
  onBeforeUnmount(cancel)
  return {
    typed: () => {
      cancel()
      timer = setTimeout(action, pauseMs)
    },
    cancel,
  }
}
