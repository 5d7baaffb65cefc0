/** Types of scripts/playground.mjs, for the test that drives it. */
export declare const PLAYGROUND_DIR: string
export declare const OUTFILE: string
export declare const buildPlayground: () => Promise<{ readonly outfile: string; readonly bytes: number }>
