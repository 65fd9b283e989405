/**
 * Debian Chromium through Playwright, with the same launch flags as playwright.config.ts (read from it, so
 * they cannot drift), plus any section-specific extras.
 */
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { runnerImport } from 'vite'
import { CHROMIUM_PATH } from './results-file.mjs'

let configArgs

async function playwrightLaunchArgs() {
  if (!configArgs) {
    const path = fileURLToPath(new URL('../../playwright.config.ts', import.meta.url))
    const { module } = await runnerImport(path, { logLevel: 'error' })
    configArgs = module.default?.use?.launchOptions?.args ?? []
  }
  return configArgs
}

export async function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...(await playwrightLaunchArgs()), ...extraArgs],
  })
}

/**
 * A browser with a profile on disk, as a user's own browser is: its Origin Private File System is files on disk.
 * `launchChromium().newPage()` opens an off-the-record context, whose OPFS Chromium keeps in the browser
 * process's memory, as in an incognito window.
 */
export async function launchChromiumWithProfile(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: await playwrightLaunchArgs(),
    ...options,
  })
}

/** Data rows of the app's grid/treegrid (and of the blank page, which renders the same markup). */
export const DATA_ROW_SELECTOR = ':is([role="grid"], [role="treegrid"]) tbody tr[data-row-id]'
