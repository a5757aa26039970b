// The Node SDK's `videos` surface as openai@7 declares it (Sora reference §6), for tsc, plus
// the `createAndPoll` / `poll` helpers other resources have (code written for them exists and
// `scan` rates it high). CommonJS-shaped (`export =`), like the package's `require` entry point.
declare class OpenAI {
  constructor(options?: OpenAI.ClientOptions);
  videos: OpenAI.Videos;
}

declare namespace OpenAI {
  export { OpenAI, OpenAI as AzureOpenAI, OpenAI as default };

  export type VideoSeconds = "4" | "8" | "12";
  export type VideoSize = "720x1280" | "1280x720" | "1024x1792" | "1792x1024";

  export interface VideoCreateError {
    code: string;
    message: string;
  }

  export interface Video {
    id: string;
    object: "video";
    status: "queued" | "in_progress" | "completed" | "failed";
    progress: number;
    model: string;
    seconds: string;
    size: VideoSize;
    prompt: string | null;
    created_at: number;
    completed_at: number | null;
    expires_at: number | null;
    error: VideoCreateError | null;
    remixed_from_video_id: string | null;
  }

  export interface VideoCreateParams {
    prompt: string;
    input_reference?: Blob | { file_id?: string; image_url?: string };
    model?: string;
    seconds?: VideoSeconds;
    size?: VideoSize;
  }

  export interface RequestOptions {
    timeout?: number;
    maxRetries?: number;
    signal?: AbortSignal;
  }

  export interface VideoDeleteResponse {
    id: string;
    deleted: boolean;
    object: "video.deleted";
  }

  /** What every request method returns: a Promise with the raw-response accessors. */
  export interface APIPromise<T> extends Promise<T> {
    withResponse(): Promise<{ data: T; response: Response }>;
    asResponse(): Promise<Response>;
  }

  export interface ClientOptions {
    apiKey?: string;
    baseURL?: string;
  }

  export class Videos {
    create(body: VideoCreateParams, options?: RequestOptions): APIPromise<Video>;
    createAndPoll(
      body: VideoCreateParams,
      options?: RequestOptions & { pollIntervalMs?: number },
    ): APIPromise<Video>;
    retrieve(videoID: string, options?: RequestOptions): APIPromise<Video>;
    poll(videoID: string, options?: RequestOptions & { pollIntervalMs?: number }): APIPromise<Video>;
    list(query?: { after?: string; limit?: number; order?: "asc" | "desc" }): AsyncIterable<Video>;
    delete(videoID: string, options?: RequestOptions): APIPromise<VideoDeleteResponse>;
    downloadContent(
      videoID: string,
      query?: { variant?: "video" | "thumbnail" | "spritesheet" },
      options?: RequestOptions,
    ): APIPromise<Response>;
    remix(videoID: string, body: { prompt: string }, options?: RequestOptions): APIPromise<Video>;
    extend(body: { prompt: string; seconds: VideoSeconds; video: { id: string } }): APIPromise<Video>;
    createCharacter(body: { name: string; video: Blob }): APIPromise<{ id: string | null }>;
  }
}

export = OpenAI;
