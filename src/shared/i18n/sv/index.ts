import { common } from './common';
import { document } from './document';
import { documents } from './documents';
import { editor } from './editor';
import { errors } from './errors';
import { series } from './series';

/** Each area's part, kept apart so the test can see that no key is in two parts (a spread would hide it). */
export const svParts = { common, documents, document, editor, series, errors };

/** The Swedish catalogue: the default, and the source of every key. */
export const sv = { ...common, ...documents, ...document, ...editor, ...series, ...errors };
