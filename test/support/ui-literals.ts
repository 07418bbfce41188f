import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds words written into the renderer's code instead of the catalogue: JSX text, user-facing
 * attributes given as literals, and string literals that read as Swedish or as a sentence.
 * A line (or the line before it) marked `i18n-exempt` is skipped: for text in the document's
 * language, which stays Swedish whatever the UI shows.
 */
export type UiLiteral = { file: string; line: number; text: string };

const USER_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'label']);
const SWEDISH_LETTERS = /[åäöÅÄÖ]/;
/** "Spara version", "Kunde inte spara": a capitalised word, a space, a lower-case word. */
const SENTENCE_LIKE = /\p{Lu}\p{Ll}+ \p{Ll}/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function isCatalogueCall(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 't' || name === 'n' || name === 'translate';
}

function reads(text: string): boolean {
  return SWEDISH_LETTERS.test(text) || SENTENCE_LIKE.test(text);
}

export function findUiLiterals(root: string, exclude: (rel: string) => boolean): UiLiteral[] {
  const found: UiLiteral[] = [];
  for (const file of sourceFiles(root)) {
    const rel = relative(root, file);
    if (exclude(rel)) continue;
    const code = readFileSync(file, 'utf8');
    const lines = code.split('\n');
    const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const report = (node: ts.Node, text: string) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      if (/i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '')) return;
      found.push({ file: rel, line: line + 1, text: text.trim().slice(0, 80) });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, node.text);
      else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
        const name = node.name.getText(sf);
        if (USER_ATTRIBUTES.has(name) && /\p{L}/u.test(node.initializer.text)) report(node, `${name}="${node.initializer.text}"`);
        return;
      } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isCatalogueCall(node) && reads(node.text)) {
        report(node, node.text);
      } else if (ts.isTemplateExpression(node)) {
        const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
        if (reads(parts)) report(node, parts);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}
