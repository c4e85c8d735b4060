// The part of @vercel/ncc's programmatic API that scripts/build.ts uses (the package ships no types).
declare module '@vercel/ncc' {
  interface NccOptions {
    esm?: boolean;
    quiet?: boolean;
    cache?: boolean;
    minify?: boolean;
    sourceMap?: boolean;
    license?: string;
  }
  interface NccOutput {
    code: string;
    map?: string;
    assets?: Record<string, { source: string | Buffer }>;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccOutput>;
}
