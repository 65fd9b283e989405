/** zod helpers for the enum members listed in enum-values.ts (re-exported here for existing importers). */
import { z } from 'zod'

export * from './enum-values.ts'

/**
 * Flags enums travel as ONE string of comma-joined members, e.g. "b2bCollaboration,passthrough" (§3.3).
 * The member list is attached as JSON-schema metadata so tooling (the fixture comparison) can check it.
 */
export function flagsEnum<const T extends readonly [string, ...string[]]>(members: T) {
  const allowed = new Set<string>(members)
  return z
    .string()
    .refine((value) => value.length > 0 && value.split(',').every((part) => allowed.has(part)), {
      message: `expected comma-joined members of [${members.join(', ')}]`,
    })
    .meta({ 'x-flags-members': [...members] })
}
