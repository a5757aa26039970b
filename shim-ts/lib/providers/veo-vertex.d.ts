import { type Image } from "../images.js";
import type { FittedRequest } from "../params.js";
import type { ProviderSpec } from "../specs.js";
import { type AdapterContext, type Call, type Secrets } from "./base.js";
import { Veo } from "./veo.js";
export declare const PROJECT_ENV = "GOOGLE_CLOUD_PROJECT";
export declare const LOCATION_ENV = "GOOGLE_CLOUD_LOCATION";
export declare const STORAGE_ENV = "VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI";
/** Settings for the `veo-vertex` provider (each one undefined: ask the environment). */
export interface VertexAI {
    readonly project?: string | undefined;
    readonly location?: string | undefined;
    /** A `gs://bucket/folder/` where Vertex writes the videos. */
    readonly storageUri?: string | undefined;
    /** A current OAuth access token for the cloud-platform scope, or a function that returns one. */
    readonly accessToken?: string | (() => string | Promise<string | null | undefined>) | undefined;
    /** Billed project for user credentials (`x-goog-user-project`). */
    readonly quotaProject?: string | undefined;
}
/** Veo 3.1 on Vertex AI (audio on or off; model configurable). */
export declare class VeoVertex extends Veo {
    #private;
    readonly location: string;
    readonly storageUri: string | undefined;
    constructor(spec: ProviderSpec, baseUrl: string, model: string, secrets: Secrets, context: AdapterContext);
    /** The Google Cloud project (ConfigurationError when none is named). */
    get project(): string;
    authHeaders(): Promise<Record<string, string>>;
    downloadUrl(videoUrl: string): string;
    protected modelPath(model: string): string;
    protected image(image: Image): Record<string, string>;
    protected parameters(request: FittedRequest): Record<string, unknown>;
    status(rawId: string): Call;
    protected videos(response: Record<string, unknown>): [unknown[], string[]];
    protected videoUrl(video: unknown): string;
    protected earlierVideo(url: string): Record<string, string>;
    errorHint(call: Call, statusCode: number): string;
}
/** The Vertex AI endpoint of a location, as google-genai picks it. */
export declare function regionalBaseUrl(location: string): string;
