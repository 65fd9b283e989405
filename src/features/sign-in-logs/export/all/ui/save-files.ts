/** Hands stored export files to the user: a normal download, or every file into a folder they pick. */

/** A normal browser download of a disk-backed File/Blob (no copy in memory, no picker). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own reference once started; the URL is only needed for the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

type DirectoryPicker = (options?: { mode?: 'readwrite' }) => Promise<FileSystemDirectoryHandle>

export function directoryPicker(): DirectoryPicker | null {
  const picker = (globalThis as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker
  return typeof picker === 'function' ? picker : null
}

/** Writes each file into the chosen folder; false when the user closed the picker. */
export async function saveAllToFolder(
  files: { name: string; blob: Blob }[],
  pick: DirectoryPicker,
): Promise<boolean> {
  let folder: FileSystemDirectoryHandle
  try {
    folder = await pick({ mode: 'readwrite' })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return false
    throw error
  }
  for (const { name, blob } of files) {
    const handle = await folder.getFileHandle(name, { create: true })
    const writable = await handle.createWritable()
    await blob.stream().pipeTo(writable)
  }
  return true
}
