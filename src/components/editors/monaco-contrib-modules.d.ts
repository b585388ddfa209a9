// Monaco's editor contributions ship as JavaScript without type declarations; they are imported for their effect.
declare module 'monaco-editor/editor/contrib/*';
