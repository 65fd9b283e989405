export { RequestInspectorButton } from './components/RequestInspectorButton.tsx'
