/**
 * The host's messages to the user (MinnesError via `userError`): the renderer shows them in the
 * UI's language, the CLI and the logs in Swedish.
 */
export const errors = {
  'errors.internal': 'Ett oväntat fel inträffade. Inget har sparats av åtgärden.',
  'errors.package.dnrMissing': 'Paketet behöver ett diarienummer: registrera minnesanteckningarna först.',
  'errors.package.secrecy': 'Kan inte paketera: {problem}',
};
