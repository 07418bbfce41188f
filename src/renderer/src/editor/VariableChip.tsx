import { useContext } from 'react';
import { IS_BOLD, IS_ITALIC } from 'lexical';
import { VARIABLE_NAMES, VARIABLE_SOURCE, variableValue, type VariableName } from '../../../shared/variables';
import { setVariableChipRenderer } from '../../../shared/lexical/variable-node';
import { MetadataContext } from './editor-context';
import { useT } from '../i18n/i18n';

/**
 * A variable in the text: its value (document text, Swedish like the section around it), or a
 * marked {{name}} when it has none; the tooltips and the unknown-variable warning are UI words.
 */
function VariableChip({ name, format }: { name: string; format: number }) {
  const t = useT();
  const metadata = useContext(MetadataContext);
  const value = metadata ? variableValue(name, metadata) : '';
  const source = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
  const field = source ? t(`meta.${source}`) : null;
  const variable = `{{${name}}}`;
  const style = { fontWeight: format & IS_BOLD ? 700 : undefined, fontStyle: format & IS_ITALIC ? 'italic' : undefined } as const;
  if (!field) {
    // A name no template variable has: flagged, so a typo is seen before export refuses it.
    return (
      <span
        className="chip chip-missing chip-unknown"
        style={style}
        data-variable={name}
        data-unknown=""
        lang={t.lang}
        title={t('editor.variable.unknownTitle', { names: VARIABLE_NAMES.join(', ') })}
      >
        {t('editor.variable.unknown', { variable })}
      </span>
    );
  }
  if (!value) {
    return (
      <span className="chip chip-missing" style={style} data-variable={name} title={t('editor.variable.fillIn', { field })}>
        {variable}
      </span>
    );
  }
  return (
    <span className="chip" style={style} data-variable={name} title={t('editor.variable.from', { variable, field })}>
      {value}
    </span>
  );
}

/** Registered once: VariableNode.decorate() draws this chip; the core never registers it. */
export function installVariableChips(): void {
  setVariableChipRenderer((name, format) => <VariableChip name={name} format={format} />);
}
