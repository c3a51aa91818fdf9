// Monaco's base editor worker, bundled by Next from the local monaco-editor package (never a CDN).
import 'monaco-editor/editor/editor.worker';
