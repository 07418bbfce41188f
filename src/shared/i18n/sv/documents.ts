/** Strings of the documents area (see ../README.md for how keys are named). */
export const documents = {};
