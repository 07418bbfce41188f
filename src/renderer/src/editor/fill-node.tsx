import type { ReactNode } from 'react';

/**
 * A translated sentence with one placeholder drawn as an element: the section's heading in
 * lang="sv", a value in bold. `text` is the message with that placeholder left unfilled (`t(key)`
 * leaves a placeholder it has no value for as written), so the sentence stays whole in each language.
 */
export function fillNode(text: string, name: string, node: ReactNode): ReactNode {
  const mark = `{${name}}`;
  const at = text.indexOf(mark);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      {node}
      {text.slice(at + mark.length)}
    </>
  );
}
