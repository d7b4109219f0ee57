// Reads all of standard input as bytes: works for files, pipes and non-blocking pipes alike (readFileSync(0) fails there with EAGAIN).

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}
