import { render, screen } from '@testing-library/react'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { makeSignIn } from '../../export/test-sign-in.ts'
import { TroubleshootingSection } from './DetailTables.tsx'

function failedWith(errorCode: unknown): BetaSignIn {
  return makeSignIn({
    status: { errorCode: errorCode as number, failureReason: 'Invalid password', additionalDetails: null },
  })
}

test('the error-code link carries the code as one encoded query value', () => {
  render(<TroubleshootingSection signIn={failedWith(50126)} />)
  const link = screen.getByRole('link', { name: '50126' })
  expect(link.getAttribute('href')).toBe('https://login.microsoftonline.com/error?code=50126')
})

test('a hostile error code cannot add parameters or leave the lookup page', () => {
  const hostile = '0&redirect_uri=https://evil.example/#x'
  render(<TroubleshootingSection signIn={failedWith(hostile)} />)
  const href = screen.getByRole('link', { name: hostile }).getAttribute('href') ?? ''
  const url = new URL(href)
  expect(url.origin + url.pathname).toBe('https://login.microsoftonline.com/error')
  expect([...url.searchParams.keys()]).toEqual(['code'])
  expect(url.searchParams.get('code')).toBe(hostile)
  expect(url.hash).toBe('')
})
