// Vite's `?raw` imports: a file's text, for tests that check a checked-in file against code.
declare module '*?raw' {
  const text: string;
  export default text;
}
