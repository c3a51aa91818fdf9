// Types for the two internal sucrase modules the compiler reads tokens with (sucrase ships them without .d.ts at these paths).
declare module 'sucrase/dist/parser/index.js' {
  /** One token of the source; `isType` marks TypeScript-only syntax. */
  export interface SucraseToken {
    type: number;
    start: number;
    end: number;
    isType: boolean;
  }
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): { tokens: SucraseToken[] };
}

declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export function formatTokenType(tokenType: number): string;
}
