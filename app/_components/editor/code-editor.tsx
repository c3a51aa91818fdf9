'use client';
// The Monaco editor of the exercise page, from the local monaco-editor package (loaded lazily, never from a CDN),
// with the exercise's types as an extra library, grader markers, and Run / Submit key bindings.
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { useEffect, useRef } from 'react';
import type { CodeMarker } from './markers';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('./ts.worker.ts', import.meta.url), { type: 'module', name: 'monaco-ts' });
    }
    return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' });
  },
};
loader.config({ monaco });

/** Folder of the exercise's virtual files in Monaco (the starter imports `./types`). */
const EXERCISE_DIR = 'file:///exercise/';
const MARKER_OWNER = 'grader';

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
});
// Until tfjs's types have arrived, semantic checks would underline `import * as tf from '@tensorflow/tfjs'`.
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });

/** Where the editor fetches tfjs's .d.ts files (app/api/editor-types). */
const EDITOR_TYPES_URL = '/api/editor-types';
let tfjsTypes: Promise<boolean> | undefined;

/** Adds tfjs's type definitions once per page, then turns on type checking; false when they could not be loaded. */
function loadTfjsTypes(): Promise<boolean> {
  tfjsTypes ??= fetch(EDITOR_TYPES_URL)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((body: { files?: { path: string; content: string }[] }) => {
      for (const file of body.files ?? []) ts.typescriptDefaults.addExtraLib(file.content, `file:///${file.path}`);
      ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
      return true;
    })
    .catch(() => false);
  return tfjsTypes;
}

export interface CodeEditorProps {
  /** The exercise's types.ts, offered to the editor as ./types. */
  typesSource: string | null;
  value: string;
  onChange(code: string): void;
  onRun(): void;
  onSubmit(): void;
  markers: CodeMarker[];
  readOnly?: boolean;
  theme: 'light' | 'dark';
  /** Accessible name of the editor. */
  label: string;
  /** Called once the editor can be typed in. */
  onReady?(): void;
}

/** One Monaco editor bound to `value`; markers replace the grader's previous ones. */
export default function CodeEditor(props: CodeEditorProps) {
  const { typesSource, markers, readOnly, theme, label } = props;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    if (!typesSource) return;
    const lib = ts.typescriptDefaults.addExtraLib(typesSource, `${EXERCISE_DIR}types.ts`);
    return () => lib.dispose();
  }, [typesSource]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
      })),
    );
  }, [markers]);

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => handlers.current.onRun());
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyMod.Shift | m.KeyCode.Enter, () => handlers.current.onSubmit());
    handlers.current.onReady?.();
    if (!readOnly) void loadTfjsTypes();
  };

  return (
    <Editor
      path={readOnly ? `${EXERCISE_DIR}solution.ts` : `${EXERCISE_DIR}main.ts`}
      defaultLanguage="typescript"
      value={props.value}
      onChange={(code) => handlers.current.onChange(code ?? '')}
      onMount={onMount}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      loading={<p className="editor-loading">…</p>}
      options={{
        readOnly,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        ariaLabel: label,
        fixedOverflowWidgets: true,
      }}
    />
  );
}
