// Monaco's TypeScript language worker, bundled by Next from the local monaco-editor package.
import 'monaco-editor/languages/features/typescript/ts.worker';
