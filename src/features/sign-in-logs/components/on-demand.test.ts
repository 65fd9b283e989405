import { onDemand } from './on-demand.ts'

test('imports once, then hands the module out synchronously', async () => {
  const importModule = vi.fn(async () => ({ answer: 42 }))
  const source = onDemand(importModule)
  expect(source.loaded()).toBeUndefined()
  const [first, second] = await Promise.all([source.load(), source.load()])
  expect(first).toBe(second)
  expect(source.loaded()).toEqual({ answer: 42 })
  await source.load()
  expect(importModule).toHaveBeenCalledTimes(1)
})

test('a failed import is forgotten: the next load tries again', async () => {
  const importModule = vi
    .fn<() => Promise<{ answer: number }>>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    .mockResolvedValueOnce({ answer: 1 })
  const source = onDemand(importModule)
  await expect(source.load()).rejects.toThrow(TypeError)
  expect(source.loaded()).toBeUndefined()
  await expect(source.load()).resolves.toEqual({ answer: 1 })
  expect(importModule).toHaveBeenCalledTimes(2)
})
