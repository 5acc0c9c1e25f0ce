/**
 * SMS length: a text with any character outside GSM-7 goes as UCS-2, 70 characters in one
 * segment and 67 in each part of a longer message; GSM-7 texts fit 160 / 153.
 */
const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅå_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

export interface SmsLength {
  chars: number;
  segments: number;
  /** Characters per segment for this text. */
  perSegment: number;
  unicode: boolean;
}

export function smsLength(text: string): SmsLength {
  const chars = [...text].length;
  const unicode = !GSM7.test(text);
  const single = unicode ? 70 : 160;
  const multi = unicode ? 67 : 153;
  if (chars === 0) return { chars, segments: 0, perSegment: single, unicode };
  if (chars <= single) return { chars, segments: 1, perSegment: single, unicode };
  return { chars, segments: Math.ceil(chars / multi), perSegment: multi, unicode };
}
