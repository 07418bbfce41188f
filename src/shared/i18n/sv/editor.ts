/** Strings of the editor area (see ../README.md for how keys are named). */
export const editor = {};
