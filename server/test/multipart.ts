/** A multipart/form-data body with one file field named `file`, for app.inject(). */
export function multipart(filename: string, content: Buffer) {
  const boundary = '----mcu' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat([head, content, tail]) };
}
