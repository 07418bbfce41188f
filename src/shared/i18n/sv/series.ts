/** Strings of the series area (see ../README.md for how keys are named). */
export const series = {};
