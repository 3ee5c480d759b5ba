/** The ts-morph project files are printed with: in memory, two-space indent, fixed newlines. */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';

export function createPrinterProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

/** One `createSourceFile` per file from a complete structure, then the text: never member-by-member edits. */
export function printFile(project: Project, path: string, structure: SourceFileStructure | { statements: SourceFileStructure['statements'] }): string {
  const file = project.createSourceFile(path, structure, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
