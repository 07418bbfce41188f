export function electronBinary(): string | undefined;
export function tryInstallElectron(): boolean;
export function electronAvailability(): { ok: true; binary: string } | { ok: false; reason: string };
