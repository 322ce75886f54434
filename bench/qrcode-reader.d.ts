// qrcode-reader ships no types: the part the baseline uses.
declare module 'qrcode-reader' {
  export default class QrCode {
    decode(image: { data: Uint8ClampedArray; width: number; height: number }): unknown;
    callback: unknown;
  }
}
