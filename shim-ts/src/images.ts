/**
 * Image inputs: a URL (or a `gs://` URI, for Vertex AI) is passed on; a data URI, a file path,
 * bytes, a Blob, a Response or a stream of bytes (a Node `ReadStream`) is read into bytes with
 * its MIME type.
 */
import { UnsupportedFeature } from "./errors.js";

/** What `createVideo` accepts as `image`. */
export type ImageInput =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | AsyncIterable<Uint8Array | string>
  | { arrayBuffer(): Promise<ArrayBuffer> };

/** An image read for a request: a URL the provider fetches itself, or bytes. */
export type Image =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "bytes"; readonly data: Uint8Array; readonly mime: string };

const EXTENSIONS: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

/** An http(s) URL the provider can fetch itself. */
export function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** Read `input` into an Image (a path needs a runtime with `node:fs`). */
export async function readImage(input: ImageInput): Promise<Image> {
  if (typeof input === "string") {
    if (isUrl(input) || input.startsWith("gs://")) {
      return { kind: "url", url: input };
    }
    if (input.startsWith("data:")) {
      return fromDataUri(input);
    }
    return bytesImage(await readPath(input), mimeFromName(input));
  }
  if (input instanceof Uint8Array) {
    return bytesImage(input);
  }
  if (input instanceof ArrayBuffer) {
    return bytesImage(new Uint8Array(input));
  }
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    const name = (input as { name?: unknown }).name;
    const mime = input.type || (typeof name === "string" ? mimeFromName(name) : undefined);
    return bytesImage(new Uint8Array(await input.arrayBuffer()), mime);
  }
  if (input !== null && typeof input === "object" && "arrayBuffer" in input && typeof input.arrayBuffer === "function") {
    // a fetch Response, or a File-like object from another realm
    return bytesImage(new Uint8Array(await input.arrayBuffer()));
  }
  if (input !== null && typeof input === "object" && Symbol.asyncIterator in input) {
    const path = (input as { path?: unknown }).path;
    return bytesImage(await collect(input), typeof path === "string" ? mimeFromName(path) : undefined);
  }
  throw new UnsupportedFeature(
    "image must be a URL, a data URI, a file path, bytes, a Blob or a stream of bytes",
  );
}

/** The image as a URL or a `data:` URI. */
export function dataUri(image: Image): string {
  return image.kind === "url" ? image.url : `data:${image.mime};base64,${toBase64(image.data)}`;
}

/** Standard base64 of `data`. */
export function toBase64(data: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < data.length; start += 0x8000) {
    binary += String.fromCharCode(...data.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The bytes of standard base64 `text`. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const data = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    data[index] = binary.charCodeAt(index);
  }
  return data;
}

function fromDataUri(uri: string): Image {
  const comma = uri.indexOf(",");
  const header = uri.slice(5, comma < 0 ? undefined : comma);
  const payload = comma < 0 ? "" : uri.slice(comma + 1);
  const mime = header.split(";")[0] || "image/png";
  const data = header.endsWith(";base64")
    ? fromBase64(decodeURIComponent(payload))
    : new TextEncoder().encode(decodeURIComponent(payload));
  return { kind: "bytes", data, mime };
}

function bytesImage(data: Uint8Array, mime?: string): Image {
  return { kind: "bytes", data, mime: mime ?? sniff(data) };
}

function mimeFromName(name: string): string | undefined {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return EXTENSIONS[extension];
}

function sniff(data: Uint8Array): string {
  const head = (start: number, end: number) =>
    String.fromCharCode(...data.subarray(start, end));
  if (data[0] === 0x89 && head(1, 4) === "PNG") {
    return "image/png";
  }
  if (data[0] === 0xff && data[1] === 0xd8) {
    return "image/jpeg";
  }
  if (head(0, 4) === "RIFF" && head(8, 12) === "WEBP") {
    return "image/webp";
  }
  if (head(0, 4) === "GIF8") {
    return "image/gif";
  }
  return "application/octet-stream";
}

async function readPath(path: string): Promise<Uint8Array> {
  const specifier = "node:fs/promises";
  let fs: { readFile(path: string): Promise<Uint8Array> };
  try {
    fs = (await import(specifier)) as typeof fs;
  } catch {
    throw new UnsupportedFeature(
      `cannot read the image file ${JSON.stringify(path)} here: pass a URL, bytes or a Blob`,
    );
  }
  try {
    return await fs.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnsupportedFeature(`cannot read the image file ${JSON.stringify(path)}: ${reason}`);
  }
}

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  }
  const data = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
}
