/** What `createVideo` accepts as `image`. */
export type ImageInput = string | Uint8Array | ArrayBuffer | Blob | AsyncIterable<Uint8Array | string> | {
    arrayBuffer(): Promise<ArrayBuffer>;
};
/** An image read for a request: a URL the provider fetches itself, or bytes. */
export type Image = {
    readonly kind: "url";
    readonly url: string;
} | {
    readonly kind: "bytes";
    readonly data: Uint8Array;
    readonly mime: string;
};
/** An http(s) URL the provider can fetch itself. */
export declare function isUrl(text: string): boolean;
/** Read `input` into an Image (a path needs a runtime with `node:fs`). */
export declare function readImage(input: ImageInput): Promise<Image>;
/** The image as a URL or a `data:` URI. */
export declare function dataUri(image: Image): string;
/** Standard base64 of `data`. */
export declare function toBase64(data: Uint8Array): string;
/** The bytes of standard base64 `text`. */
export declare function fromBase64(text: string): Uint8Array<ArrayBuffer>;
