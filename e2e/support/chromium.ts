/**
 * How tests and benchmarks start Chromium here: the system's browser (Playwright cannot download
 * its own), without the background traffic this closed network would refuse.
 */
export const CHROMIUM_PATH = process.env.MINNES_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
