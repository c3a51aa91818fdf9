'use client';
// The model answer, read-only, beside the learner's code as a Monaco diff (local monaco-editor, loaded with the editor).
import { DiffEditor } from '@monaco-editor/react';
import './code-editor';

export interface SolutionDiffProps {
  learnerCode: string;
  solution: string;
  theme: 'light' | 'dark';
}

/** Left: the learner's code; right: the solution. Neither side can be edited here. */
export default function SolutionDiff({ learnerCode, solution, theme }: SolutionDiffProps) {
  return (
    <DiffEditor
      original={learnerCode}
      modified={solution}
      language="typescript"
      originalModelPath="file:///exercise/yours.ts"
      modifiedModelPath="file:///exercise/solution.ts"
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={{ readOnly: true, originalEditable: false, minimap: { enabled: false }, renderSideBySide: true, automaticLayout: true, scrollBeyondLastLine: false, fontSize: 13 }}
    />
  );
}
