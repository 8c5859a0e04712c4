import { createPinia, setActivePinia } from 'pinia'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { createFakeLanyardApi, type FakeAnswers, type FakeLanyardApi } from './fakeLanyardApi'

/** For store tests, in `beforeEach`: fresh stores and a fresh fake api installed behind them. */
export function freshStoresWithApi(answers: FakeAnswers = {}, options: { emitsMainEvents?: boolean } = {}): FakeLanyardApi {
  setActivePinia(createPinia())
  const api = createFakeLanyardApi(answers, options)
  installApi(api)
  return api
}

/** Lets the promises a store started settle. */
export const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0))
