import { readFileSync, readdirSync } from 'node:fs'

import { VENDORS } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { WILD_FILES, WILD_ROOT, wildFixtureNames, wildFixtureText } from '../wildFixtures.js'

// Checks only that the fixtures under test/fixtures/wild are well formed and listed in their
// README. What the library does with the bodies is tested elsewhere.

const root = WILD_ROOT

const KINDS = ['vendor-page', 'third-party-test', 'third-party-doc', 'third-party-code', 'implied']
const CALLBACKS = ['delivery', 'opt_out', 'inbound']
const CHANNELS = ['sms', 'voice', 'email', 'rcs', 'whatsapp', 'push', 'facebook', 'instagram', null]
const ENCODINGS = ['json', 'form']
const TOP_KEYS = ['source', 'evidence', 'callback', 'channel', 'encoding', 'body', 'form']
const SOURCE_KEYS = ['kind', 'title', 'url', 'repo', 'path', 'commit', 'lines']

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)
const isText = (u: unknown): u is string => typeof u === 'string' && u.trim() !== ''

const files = WILD_FILES.map(({ file }) => file)
const readme = readFileSync(new URL('README.md', root), 'utf8')

describe('wild fixtures', () => {
  it('exist for every vendor, and no other file sits beside them', () => {
    for (const vendor of VENDORS) {
      expect(wildFixtureNames(vendor).length, vendor).toBeGreaterThan(0)
      expect(readdirSync(new URL(`${vendor}/`, root)).filter((name) => !name.endsWith('.json')), vendor).toEqual([])
    }
    expect(readdirSync(root).sort()).toEqual(['README.md', ...VENDORS].sort())
  })

  for (const file of files) {
    describe(file, () => {
      const text = wildFixtureText(file)
      const fixture: unknown = JSON.parse(text)

      it('has the wrapper fields with allowed values', () => {
        expect(isRecord(fixture)).toBe(true)
        if (!isRecord(fixture)) return
        expect(Object.keys(fixture).filter((key) => !TOP_KEYS.includes(key))).toEqual([])
        expect(isText(fixture['evidence'])).toBe(true)
        expect(CALLBACKS).toContain(fixture['callback'])
        expect(CHANNELS).toContain(fixture['channel'])
        expect(ENCODINGS).toContain(fixture['encoding'])
      })

      it('has exactly one of body and form, matching its encoding', () => {
        if (!isRecord(fixture)) throw new Error('not an object')
        const hasBody = 'body' in fixture
        const hasForm = 'form' in fixture
        expect(hasBody !== hasForm).toBe(true)
        if (fixture['encoding'] === 'json') expect(hasBody).toBe(true)
        if (fixture['encoding'] === 'form') {
          expect(hasForm).toBe(true)
          expect(typeof fixture['form']).toBe('string')
        }
      })

      it('names its source: a kind, a title, and a url or a repo and path', () => {
        if (!isRecord(fixture)) throw new Error('not an object')
        const source = fixture['source']
        expect(isRecord(source)).toBe(true)
        if (!isRecord(source)) return
        expect(Object.keys(source).filter((key) => !SOURCE_KEYS.includes(key))).toEqual([])
        expect(KINDS).toContain(source['kind'])
        expect(isText(source['title'])).toBe(true)
        expect(isText(source['url']) || (isText(source['repo']) && isText(source['path']))).toBe(true)
        for (const key of ['url', 'repo', 'path', 'commit', 'lines'] as const) {
          if (key in source) expect(isText(source[key]), key).toBe(true)
        }
        if (isText(source['repo'])) {
          expect(source['repo']).toMatch(/^[\w.-]+\/[\w.-]+$/)
          expect(isText(source['path']) && isText(source['commit'])).toBe(true)
        }
        if (isText(source['commit'])) expect(source['commit']).toMatch(/^[0-9a-f]{7,40}$/)
        if (isText(source['url'])) expect(() => new URL(source['url'] as string)).not.toThrow()
        // The README's naming convention: constructed bodies, and only they, are named implied-*.
        expect(source['kind'] === 'implied').toBe(/\/implied-[^/]+$/.test(file))
      })

      it('is listed in README.md', () => {
        expect(readme).toContain(`(${file})`)
      })

      it('is stored as two-space JSON with a final newline', () => {
        expect(text).toBe(`${JSON.stringify(fixture, null, 2)}\n`)
      })
    })
  }
})
