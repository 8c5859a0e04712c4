/**
 * The two IPC channels between preload and main. One channel carries every call (`name` +
 * `input`) so there is exactly one handler, one sender check and one place that maps a call to
 * its handler; `invokeContract` already refuses names that are not in the contract. Events share
 * one channel too (`name` + `payload`); the preload fans them out to subscribers.
 *
 * Bundled into the preload: no imports.
 */
export const invokeChannel = 'lanyard:invoke'
export const eventChannel = 'lanyard:event'
