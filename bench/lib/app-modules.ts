/**
 * The app and fake-Graph modules the bench drives, behind one entry so one Vite `runnerImport` loads them
 * all (Node 20 cannot import .ts; docs/toolchain.md §4). The bench measures these real modules, never copies.
 */
export {
  signInsRequest,
  summariesRequest,
  LIST_PAGE_SIZE,
} from '../../src/features/sign-in-logs/api/queries.ts'
export { tabById, tabDefinitions } from '../../src/features/sign-in-logs/model/tabs.ts'
export { defaultViewState } from '../../src/features/sign-in-logs/model/view-state.ts'
export { buildRequestUrl, createGraphClient } from '../../src/lib/graph/index.ts'
export { runDownload } from '../../src/features/sign-in-logs/export/run-download.ts'
export { downloadQueryFor } from '../../src/features/sign-in-logs/export/download-query.ts'
export { downloadFiles, encoderFor } from '../../src/features/sign-in-logs/export/download-files.ts'
export { runExport } from '../../src/features/sign-in-logs/export/all/run-export.ts'
export {
  allTypes,
  createExportPlan,
  typeRequest,
} from '../../src/features/sign-in-logs/export/all/export-plan.ts'
export { memoryExportStore } from '../../src/features/sign-in-logs/export/all/export-store.ts'
export { createRequestScheduler, createScheduledFetch } from '../../src/lib/scheduler/request-scheduler.ts'
export { nodeCheckpointStore, nodeFileStore } from '../../src/cli/export/node-store.ts'
export { readSignInPage, readSummaryPage } from '../../src/features/sign-in-logs/api/read-records.ts'
export { createTenant } from '../../mocks/tenant/index.ts'
