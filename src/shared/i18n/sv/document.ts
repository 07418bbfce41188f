/** Strings of the document area (see ../README.md for how keys are named). */
export const document = {};
