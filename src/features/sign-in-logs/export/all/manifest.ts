/**
 * The manifest written beside an export's files (issue #13): per file its type, range, filter, record count,
 * first and last createdDateTime, size and SHA-256, so whoever receives the evidence can check it.
 *
 * SHA-256 is computed by reading each finished file back in chunks: Web Crypto has no streaming digest, and a
 * hash carried across pages could not survive a reload, while the stored file can always be read again.
 * @noble/hashes is audited and dependency-free, and runs in the browser and in Node alike.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { TabId } from '../../model/tabs.ts'
import type { ExportCheckpoint } from './checkpoint.ts'
import { typeRequest, type ExportFormat } from './export-plan.ts'
import type { ExportFileStore } from './export-store.ts'

export const MANIFEST_FILE_NAME = 'manifest.json'

export interface ManifestFile {
  name: string
  type: TabId
  format: ExportFormat
  content: 'signIns' | 'authenticationDetails'
  range: { from: string; to: string }
  /** The $filter sent to Graph for this type. */
  filter: string
  records: number
  firstCreatedDateTime: string | null
  lastCreatedDateTime: string | null
  bytes: number
  sha256: string
}

export interface ExportManifest {
  exportId: string
  createdAt: string
  completedAt: string
  range: { from: string; to: string }
  files: ManifestFile[]
}

export async function hashFile(
  files: ExportFileStore,
  name: string,
): Promise<{ sha256: string; bytes: number }> {
  const hash = sha256.create()
  let bytes = 0
  for await (const chunk of files.read(name)) {
    hash.update(chunk)
    bytes += chunk.byteLength
  }
  return { sha256: bytesToHex(hash.digest()), bytes }
}

export async function buildManifest(
  files: ExportFileStore,
  checkpoint: ExportCheckpoint,
  completedAt: Date,
): Promise<ExportManifest> {
  const { plan } = checkpoint
  const entries: ManifestFile[] = []
  for (const spec of plan.files) {
    const type = checkpoint.types.find((candidate) => candidate.type === spec.type)
    const progress = type?.files.find((file) => file.name === spec.name)
    if (!progress) throw new Error(`The checkpoint has no progress for ${spec.name}`)
    const { sha256: digest, bytes } = await hashFile(files, spec.name)
    if (bytes !== progress.bytes)
      throw new Error(`${spec.name} holds ${bytes} bytes but its checkpoint says ${progress.bytes}`)
    entries.push({
      name: spec.name,
      type: spec.type,
      format: spec.format,
      content: spec.csv === 'authDetails' ? 'authenticationDetails' : 'signIns',
      range: { from: plan.from, to: plan.to },
      filter: typeRequest(plan, spec.type, null).params.$filter ?? '',
      records: progress.records,
      firstCreatedDateTime: progress.firstCreatedDateTime,
      lastCreatedDateTime: progress.lastCreatedDateTime,
      bytes,
      sha256: digest,
    })
  }
  return {
    exportId: plan.id,
    createdAt: checkpoint.createdAt,
    completedAt: completedAt.toISOString(),
    range: { from: plan.from, to: plan.to },
    files: entries,
  }
}

export async function writeManifest(
  files: ExportFileStore,
  checkpoint: ExportCheckpoint,
  completedAt: Date,
): Promise<ExportManifest> {
  const manifest = await buildManifest(files, checkpoint, completedAt)
  const writer = await files.openAt(MANIFEST_FILE_NAME, 0)
  await writer.write(new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'))
  await writer.close()
  return manifest
}
