/**
 * What ships is what the docs may point to. package.json's `files` decides what the tarball
 * holds (with README.md, LICENSE and package.json, which npm always adds); the shipped docs
 * (README.md, docs/*.md, docs/vendors/*.md) and examples (examples/*.ts) are read as a user
 * reads them from node_modules, where test/, src/, scripts/, bench/, CONTRIBUTING.md and the
 * rest of the repository are not. So:
 *
 * - every relative link resolves to a file that ships;
 * - a repository-only path of this repository (a tracked file or folder the tarball leaves
 *   out) or an npm script (`npm run …`, `npm test`, `npm ci`) is named only in a paragraph
 *   that says it is in the repository (the word "repository"), never as if it were at hand;
 * - no shipped text cites the project's issue tracker ("issue 12", "#14"): a user has none.
 *
 * package.json names no repository URL, so "the source repository" is all a doc can say.
 * CHANGELOG.md ships too, but it is the history of the repository by design and is left out.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from './docBlocks.js'

interface PackageJson {
  readonly files: ReadonlyArray<string>
}

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as PackageJson
const tracked: ReadonlyArray<string> = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((line) => line !== '' && line !== 'node_modules')

/** One `files` entry as npm reads it: a glob (`*` within one path segment) or a file or folder and everything under it. */
const matcherOf = (entry: string): ((path: string) => boolean) => {
  const bare = entry.replace(/\/$/, '')
  if (!bare.includes('*')) return (path) => path === bare || path.startsWith(`${bare}/`)
  const pattern = new RegExp(`^${bare.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`)
  return (path) => pattern.test(path)
}
const matchers = [...pkg.files, 'README.md', 'LICENSE', 'package.json'].map(matcherOf)
const ships = (path: string): boolean => matchers.some((matches) => matches(path))

/** A tracked path, or a folder holding tracked files. */
const isTracked = (path: string): boolean => tracked.some((file) => file === path || file.startsWith(`${path}/`))
/** Whether a folder ships anything: a folder is shipped when all it holds ships. */
const isRepositoryOnly = (path: string): boolean => isTracked(path) && tracked.some((file) => (file === path || file.startsWith(`${path}/`)) && !ships(file))

/** The shipped texts a user reads: Markdown guides and the examples. */
const shippedTexts = tracked.filter((file) => ships(file) && (file.endsWith('.md') || file.endsWith('.ts')) && file !== 'CHANGELOG.md' && !file.startsWith('examples/payloads/'))

/** Paragraphs: runs of non-blank lines; a fenced block belongs to the paragraph before it; HTML comments are not read. */
const paragraphsOf = (text: string): ReadonlyArray<{ readonly line: number; readonly text: string }> => {
  const lines = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' ')).split('\n')
  const paragraphs: Array<{ line: number; text: string }> = []
  let current: { line: number; text: string } | undefined
  let fenced = false
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('```')) fenced = !fenced
    if (line.trim() === '' && !fenced) {
      current = undefined
      continue
    }
    if (current === undefined || (line.startsWith('```') && fenced && current.text === '')) {
      current = { line: index + 1, text: '' }
      paragraphs.push(current)
    }
    current.text += `${line}\n`
  }
  // A fence right after a blank line joins the paragraph before it.
  return paragraphs.reduce<Array<{ line: number; text: string }>>((joined, paragraph) => {
    const previous = joined.at(-1)
    if (paragraph.text.startsWith('```') && previous !== undefined) previous.text += paragraph.text
    else joined.push({ ...paragraph })
    return joined
  }, [])
}

/** Path-like words of a text: `a/b`, `a/b.ext`, `name.ext`; relative ones resolved against the file's folder. */
const pathsIn = (file: string, text: string): ReadonlyArray<string> =>
  [...text.matchAll(/(?<![\w@:/.-])(\.{1,2}\/)?([\w.-]+(?:\/[\w.-]+)*\/?)/g)]
    .map((match) => {
      const word = (match[2] ?? '').replace(/[.]+$/, '').replace(/\/$/, '')
      return match[1] === undefined ? word : normalize(join(dirname(file), `${match[1]}${word}`))
    })
    .filter((path) => path.includes('/') || /\.(?:md|ts|mts|mjs|js|json)$/.test(path))

const NPM_SCRIPT = /\bnpm (?:run [\w:-]+|test|ci)\b/

/** The things a shipped text names that a user of the tarball does not have, outside paragraphs that say so. */
const unmarkedRepositoryReferences = (file: string, text = readFileSync(`${ROOT}${file}`, 'utf8')): ReadonlyArray<string> =>
  paragraphsOf(text).flatMap(({ line, text }) => {
    if (/repository/i.test(text)) return []
    const paths = pathsIn(file, text).filter(isRepositoryOnly)
    const scripts = [...text.matchAll(new RegExp(NPM_SCRIPT.source, 'g'))].map((match) => match[0])
    return [...new Set([...paths, ...scripts])].map((what) => `${file}:${String(line)}: ${what}`)
  })

/** Relative Markdown links (`[text](target)`) whose target does not ship. */
const linksToUnshipped = (file: string, text = readFileSync(`${ROOT}${file}`, 'utf8')): ReadonlyArray<string> =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => normalize(join(dirname(file), target.replace(/#.*$/, ''))))
    .filter((path) => !(ships(path) && isTracked(path)))
    .map((path) => `${file}: ${path}`)

const ISSUE_CITATION = /\bissues? #?\d+\b|(?<![\w&/])#\d+\b/gi

describe('the shipped docs', () => {
  it('are the README, the guides and the examples, as package.json `files` says', () => {
    expect(shippedTexts).toContain('README.md')
    expect(shippedTexts).toContain('docs/security.md')
    expect(shippedTexts).toContain('docs/vendors/octopush.md')
    expect(shippedTexts).toContain('examples/route.ts')
    // The check itself: what the repository keeps to itself is told apart from what ships.
    expect(['CONTRIBUTING.md', 'test', 'src/index.ts', 'docs/playground', 'bench'].map(isRepositoryOnly)).toEqual([isTracked('CONTRIBUTING.md'), true, true, true, true])
    expect(['docs/postgres.md', 'examples/payloads/octopush', 'docs/vendors'].map(isRepositoryOnly)).toEqual([false, false, false])
  })

  it('link only to files that ship', () => {
    expect(shippedTexts.filter((file) => file.endsWith('.md')).flatMap((file) => linksToUnshipped(file))).toEqual([])
  })

  it('name a repository-only file, folder or npm script only where they say it is in the repository', () => {
    expect(shippedTexts.flatMap((file) => unmarkedRepositoryReferences(file))).toEqual([])
  })

  it('cite no issue of the project tracker', () => {
    const citations = shippedTexts.flatMap((file) =>
      readFileSync(`${ROOT}${file}`, 'utf8')
        .split('\n')
        .flatMap((line, index) => [...line.matchAll(ISSUE_CITATION)].map((match) => `${file}:${String(index + 1)}: ${match[0]}`)),
    )
    expect(citations).toEqual([])
  })

  it('find what they look for: a planted reference of each kind is reported', () => {
    const planted = 'a line\n\nsee `test/runtime/limits.test.ts` and run npm run bench, as issue 12 said\n'
    expect(paragraphsOf(planted).map((paragraph) => paragraph.line)).toEqual([1, 3])
    expect(pathsIn('docs/x.md', planted).filter(isRepositoryOnly)).toEqual(['test/runtime/limits.test.ts'])
    expect(pathsIn('docs/x.md', 'see [it](../scripts/size.mjs)').filter(isRepositoryOnly)).toEqual(['scripts/size.mjs'])
    expect(unmarkedRepositoryReferences('docs/x.md', planted)).toEqual(['docs/x.md:3: test/runtime/limits.test.ts', 'docs/x.md:3: npm run bench'])
    // The same paragraph, saying where those are, passes; a fenced block joins the paragraph before it.
    expect(unmarkedRepositoryReferences('docs/x.md', 'In the source repository:\n\n```sh\nnpm run bench\n```\n')).toEqual([])
    expect(unmarkedRepositoryReferences('docs/x.md', 'Elsewhere.\n\n```sh\nnpm run bench\n```\n')).toEqual(['docs/x.md:1: npm run bench'])
    expect(linksToUnshipped('docs/x.md', '[a](../test/runtime/limits.test.ts) [b](postgres.md#speed) [c](https://example.com/x) [d](#top) [e](../CONTRIBUTING.md)')).toEqual(['docs/x.md: test/runtime/limits.test.ts', 'docs/x.md: CONTRIBUTING.md'])
    expect(planted.match(ISSUE_CITATION)).toEqual(['issue 12'])
    expect('PR #14 and `#fff`'.match(ISSUE_CITATION)).toEqual(['#14'])
  })
})
