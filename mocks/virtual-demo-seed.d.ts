/** The demo seed built with the console (vite.config.ts, prebuiltDemoSeed): the JSON of a SeedSnapshot. */
declare module 'virtual:demo-seed' {
  export const demoSeedJson: string;
}
