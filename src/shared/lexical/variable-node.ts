import { DecoratorNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';

export type SerializedVariableNode = Spread<{ name: string; format: number }, SerializedLexicalNode>;

/** How the editor draws a chip; the core never sets this, so headless conversion stays React-free. */
type ChipRenderer = (name: string, format: number, key: NodeKey) => unknown;
let chipRenderer: ChipRenderer | null = null;
export function setVariableChipRenderer(fn: ChipRenderer | null): void {
  chipRenderer = fn;
}

/**
 * A template variable such as {{datum}}: stored by name, shown as a chip with the live value,
 * filled from the meeting metadata when the document model is built. `format` carries bold/italic
 * (the TextNode bit flags) so "*{{tema}}*" prints in italics.
 */
export class VariableNode extends DecoratorNode<unknown> {
  __name: string;
  __format: number;

  static override getType(): string {
    return 'variable';
  }

  static override clone(node: VariableNode): VariableNode {
    return new VariableNode(node.__name, node.__format, node.__key);
  }

  constructor(name: string, format = 0, key?: NodeKey) {
    super(key);
    this.__name = name;
    this.__format = format;
  }

  static override importJSON(json: SerializedVariableNode): VariableNode {
    return new VariableNode(json.name, json.format ?? 0);
  }

  override exportJSON(): SerializedVariableNode {
    return { type: 'variable', version: 1, name: this.__name, format: this.__format };
  }

  getName(): string {
    return this.getLatest().__name;
  }

  getFormat(): number {
    return this.getLatest().__format;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    span.className = 'variable';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return `{{${this.__name}}}`;
  }

  override decorate(): unknown {
    return chipRenderer ? chipRenderer(this.__name, this.__format, this.__key) : null;
  }
}

export function $createVariableNode(name: string, format = 0): VariableNode {
  return new VariableNode(name, format);
}

export function $isVariableNode(node: LexicalNode | null | undefined): node is VariableNode {
  return node instanceof VariableNode;
}
