/** textile-js 2 ships no types. Only the call used by the server is declared. */
declare module 'textile-js' {
  function textile(source: string, options?: Record<string, unknown>): string;
  export default textile;
}
