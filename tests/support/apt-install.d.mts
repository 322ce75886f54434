export function canInstallWithApt(): boolean;
export function ensureBrowser(options: { find(): string | undefined; aptPackage: string; missing: string }): string;
