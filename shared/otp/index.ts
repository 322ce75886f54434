export * from './types';
export * from './errors';
export { decodeBase32, encodeBase32, normalizeSecret, secretIdentity } from './base32';
export { generateHotp, generateTotp, generateCode, verifyTotp, timeStep, secondsLeft } from './codes';
export { parseOtpauthUri, buildOtpauthUri } from './otpauth-uri';
export { checkAccount, type AccountFields } from './validate';
export { decodeMigrationUri, encodeMigrationUris, type MigrationBatch } from './migration';
