import { afterEach, beforeEach, vi } from 'vitest'

// The library must print nothing: any console output during a test fails it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const

beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: ReadonlyArray<unknown>) => {
      throw new Error(`console.${method} called during a test: ${args.map(String).join(' ')}`)
    })
  }
})

afterEach(() => {
  vi.restoreAllMocks()
})
