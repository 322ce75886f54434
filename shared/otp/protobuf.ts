// The few protocol-buffer wire types the Google Authenticator export uses: varint (0) and length-delimited (2).
export interface ProtoField {
  field: number;
  varint?: bigint;
  bytes?: Uint8Array;
}

export class ProtoReadError extends Error {}

export function readFields(buf: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= buf.length) throw new ProtoReadError('truncated varint');
      const byte = buf[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtoReadError('varint too long');
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw new ProtoReadError('field number 0');
    if (wire === 0) fields.push({ field, varint: varint() });
    else if (wire === 2) {
      const length = Number(varint());
      if (pos + length > buf.length) throw new ProtoReadError('truncated field');
      fields.push({ field, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new ProtoReadError(`unsupported wire type ${wire}`);
    if (pos > buf.length) throw new ProtoReadError('truncated field');
  }
  return fields;
}

export class ProtoWriter {
  private parts: number[] = [];

  varint(field: number, value: number | bigint): this {
    this.rawVarint(BigInt(field) << 3n);
    // Negative int32/int64 values go on the wire as their 64-bit two's complement.
    this.rawVarint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.rawVarint((BigInt(field) << 3n) | 2n);
    this.rawVarint(BigInt(value.length));
    for (const b of value) this.parts.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }

  private rawVarint(value: bigint): void {
    let v = value;
    while (v > 0x7fn) {
      this.parts.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.parts.push(Number(v));
  }
}
