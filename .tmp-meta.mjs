import { build } from 'esbuild'
const r = await build({ stdin: { contents: `import { normalize } from './dist/octopush.js'\nconsole.log(normalize)`, resolveDir: '/work/main', loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], write: false, metafile: true })
const out = Object.values(r.metafile.outputs)[0]
const list = Object.entries(out.inputs).map(([k,v]) => [k, v.bytesInOutput]).sort((a,b)=>b[1]-a[1])
for (const [k,v] of list.slice(0,25)) console.log(String(v).padStart(7), k)
