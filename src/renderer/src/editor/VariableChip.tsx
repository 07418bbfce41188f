import { useContext } from 'react';
import { IS_BOLD, IS_ITALIC } from 'lexical';
import { METADATA_LABELS } from '../../../shared/metadata';
import { VARIABLE_NAMES, VARIABLE_SOURCE, variableValue, type VariableName } from '../../../shared/variables';
import { setVariableChipRenderer } from '../../../shared/lexical/variable-node';
import { MetadataContext } from './editor-context';

function VariableChip({ name, format }: { name: string; format: number }) {
  const metadata = useContext(MetadataContext);
  const value = metadata ? variableValue(name, metadata) : '';
  const source = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
  const field = source ? METADATA_LABELS[source] : null;
  const style = { fontWeight: format & IS_BOLD ? 700 : undefined, fontStyle: format & IS_ITALIC ? 'italic' : undefined } as const;
  if (!field) {
    // A name no template variable has: flagged, so a typo is seen before export refuses it.
    return (
      <span
        className="chip chip-missing chip-unknown"
        style={style}
        data-variable={name}
        data-unknown=""
        title={`Okänd variabel. Kända variabler: ${VARIABLE_NAMES.join(', ')}`}
      >
        {`Okänd variabel {{${name}}}`}
      </span>
    );
  }
  if (!value) {
    return (
      <span className="chip chip-missing" style={style} data-variable={name} title={`Fyll i ${field} i mötesuppgifterna`}>
        {`{{${name}}}`}
      </span>
    );
  }
  return (
    <span className="chip" style={style} data-variable={name} title={`{{${name}}}${field ? ` – från ${field}` : ''}`}>
      {value}
    </span>
  );
}

/** Registered once: VariableNode.decorate() draws this chip; the core never registers it. */
export function installVariableChips(): void {
  setVariableChipRenderer((name, format) => <VariableChip name={name} format={format} />);
}
