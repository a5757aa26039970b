// A stand-in for @types/react: the .tsx fixtures need JSX elements to exist, not React.
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
