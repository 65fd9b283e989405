import { render, screen } from '@testing-library/react'
import { App } from './App.tsx'

test('renders the page title as the only level-1 heading', () => {
  render(<App />)
  expect(screen.getByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Sign-in logs')
})
