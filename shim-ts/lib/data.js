export const PROVIDER_DATA = {
    "schema_version": 1,
    "about": "What each provider is and can do, shared by the Python and the TypeScript shim (prices are in prices.json). cancel_deletes: the cancel request also removes a finished video (so delete_video can). statuses maps the provider's job states to the shim's; tables holds the provider's own parameter tables.",
    "providers": {
        "runway": {
            "keys": [
                "RUNWAYML_API_SECRET"
            ],
            "keys_needed": "one",
            "base_url": "https://api.dev.runwayml.com",
            "model": "gen4.5",
            "docs": "https://docs.dev.runwayml.com/",
            "cancel_deletes": true,
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": false,
                "cancel": true,
                "native_audio": false,
                "audio_toggle": false,
                "aspect_ratio_from_image": false,
                "durations": [
                    2,
                    3,
                    4,
                    5,
                    6,
                    7,
                    8,
                    9,
                    10
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16"
                ],
                "resolutions": [
                    "720p"
                ],
                "default_duration": 5,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "required": [
                    "duration_seconds",
                    "aspect_ratio"
                ],
                "defaults_source": "runwayml SDK 5.24 (types/text_to_video_create_params.py): gen4.5 requires ratio and duration, so the shim sends 16:9 (1280:720) and 5 s when the caller gives none; 720p is the only resolution"
            },
            "statuses": {
                "PENDING": "pending",
                "THROTTLED": "pending",
                "RUNNING": "processing",
                "SUCCEEDED": "completed",
                "FAILED": "failed",
                "CANCELLED": "failed"
            },
            "tables": {
                "api_version": "2024-11-06",
                "ratios": {
                    "16:9": "1280:720",
                    "9:16": "720:1280"
                }
            }
        },
        "veo": {
            "keys": [
                "GEMINI_API_KEY",
                "GOOGLE_API_KEY"
            ],
            "keys_needed": "one",
            "base_url": "https://generativelanguage.googleapis.com",
            "model": "veo-3.1-generate-preview",
            "docs": "https://ai.google.dev/gemini-api/docs/video",
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": true,
                "cancel": false,
                "native_audio": true,
                "audio_toggle": false,
                "aspect_ratio_from_image": false,
                "durations": [
                    4,
                    6,
                    8
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16"
                ],
                "resolutions": [
                    "720p",
                    "1080p",
                    "4k"
                ],
                "default_duration": 8,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "default_audio": true,
                "required": [],
                "defaults_source": "ai.google.dev/gemini-api/docs/video: 8 s, 16:9, 720p; Veo 3.1 always has sound on the Gemini API"
            },
            "statuses": {},
            "tables": {}
        },
        "veo-vertex": {
            "keys": [],
            "keys_needed": "one",
            "auth": "Google Application Default Credentials (pip install 'sora-migrate[vertex]'); GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION",
            "base_url": "https://aiplatform.googleapis.com",
            "model": "veo-3.1-generate-001",
            "docs": "https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation",
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": true,
                "cancel": false,
                "native_audio": true,
                "audio_toggle": true,
                "aspect_ratio_from_image": false,
                "durations": [
                    4,
                    6,
                    8
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16"
                ],
                "resolutions": [
                    "720p",
                    "1080p",
                    "4k"
                ],
                "default_duration": 8,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "default_audio": true,
                "required": [],
                "defaults_source": "cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation: 8 s, 16:9, 720p; audio on unless generateAudio is false (UNCONFIRMED for every model id; google-genai sends no generateAudio unless given)"
            },
            "statuses": {},
            "tables": {}
        },
        "luma": {
            "keys": [
                "LUMAAI_API_KEY"
            ],
            "keys_needed": "one",
            "base_url": "https://api.lumalabs.ai/dream-machine/v1",
            "model": "ray-2",
            "docs": "https://docs.lumalabs.ai/",
            "cancel_deletes": true,
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": true,
                "cancel": true,
                "native_audio": false,
                "audio_toggle": false,
                "aspect_ratio_from_image": false,
                "durations": [
                    5,
                    9
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16",
                    "1:1",
                    "4:3",
                    "3:4",
                    "21:9",
                    "9:21"
                ],
                "resolutions": [
                    "540p",
                    "720p",
                    "1080p",
                    "4k"
                ],
                "default_duration": 5,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "required": [],
                "variants": [
                    "video",
                    "thumbnail"
                ],
                "defaults_source": "lumalabs/luma-api-mcp README (ray-2: 16:9, 720p, 5s); the lumaai SDK sends none of them unless given"
            },
            "statuses": {
                "queued": "pending",
                "dreaming": "processing",
                "completed": "completed",
                "failed": "failed"
            },
            "tables": {}
        },
        "pika": {
            "keys": [
                "FAL_KEY"
            ],
            "keys_needed": "one",
            "base_url": "https://queue.fal.run",
            "model": "fal-ai/pika/v2.2",
            "docs": "https://fal.ai/models/fal-ai/pika/v2.2/text-to-video",
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": false,
                "cancel": true,
                "native_audio": false,
                "audio_toggle": false,
                "aspect_ratio_from_image": true,
                "durations": [
                    5,
                    10
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16",
                    "1:1",
                    "4:5",
                    "5:4",
                    "3:2",
                    "2:3"
                ],
                "resolutions": [
                    "720p",
                    "1080p"
                ],
                "default_duration": 5,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "required": [],
                "defaults_source": "fal.ai pika v2.2 text-to-video model page (aspect_ratio 16:9, resolution 720p, duration 5)"
            },
            "statuses": {
                "IN_QUEUE": "pending",
                "IN_PROGRESS": "processing",
                "COMPLETED": "completed"
            },
            "tables": {}
        },
        "kling": {
            "keys": [
                "KLING_ACCESS_KEY",
                "KLING_SECRET_KEY"
            ],
            "keys_needed": "all",
            "base_url": "https://api-singapore.klingai.com",
            "model": "kling-v2-6",
            "docs": "https://app.klingai.com/global/dev/document-api",
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": true,
                "cancel": false,
                "native_audio": true,
                "audio_toggle": true,
                "aspect_ratio_from_image": true,
                "durations": [
                    5,
                    10
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16",
                    "1:1"
                ],
                "resolutions": [
                    "720p",
                    "1080p"
                ],
                "default_duration": 5,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "default_audio": false,
                "required": [],
                "defaults_source": "Kling API (community OpenAPI mirror): duration \"5\", aspect_ratio \"16:9\", mode \"std\" (720p), sound \"off\""
            },
            "statuses": {
                "submitted": "pending",
                "processing": "processing",
                "succeed": "completed",
                "failed": "failed"
            },
            "tables": {
                "modes": {
                    "720p": "std",
                    "1080p": "pro"
                }
            }
        },
        "fake": {
            "keys": [],
            "keys_needed": "one",
            "base_url": "http://fake-video-provider.invalid",
            "model": "fake-1",
            "docs": "offline stand-in: no network, no key",
            "cancel_deletes": true,
            "capabilities": {
                "text_to_video": true,
                "image_to_video": true,
                "extend": true,
                "cancel": true,
                "native_audio": true,
                "audio_toggle": true,
                "aspect_ratio_from_image": false,
                "durations": [
                    4,
                    8,
                    12
                ],
                "aspect_ratios": [
                    "16:9",
                    "9:16"
                ],
                "resolutions": [
                    "720p",
                    "1080p"
                ],
                "default_duration": 4,
                "default_aspect_ratio": "16:9",
                "default_resolution": "720p",
                "default_audio": false,
                "required": [],
                "variants": [
                    "video",
                    "thumbnail"
                ],
                "defaults_source": "the offline stand-in"
            },
            "statuses": {
                "pending": "pending",
                "processing": "processing",
                "completed": "completed",
                "failed": "failed"
            },
            "tables": {}
        }
    }
};
export const PRICE_DATA = {
    "currency": "USD",
    "providers": {
        "runway": {
            "published": "2026-07-27",
            "source": "Runway API docs (rw-api-reference skill): credits per output second, 1 credit = $0.01",
            "confirmed": true,
            "rows": [
                {
                    "model": "gen4.5",
                    "per_second": "0.12"
                },
                {
                    "model": "gen4_turbo",
                    "per_second": "0.05"
                },
                {
                    "model": "veo3.1",
                    "audio": false,
                    "per_second": "0.20",
                    "confirmed": false
                },
                {
                    "model": "veo3.1",
                    "audio": true,
                    "per_second": "0.40",
                    "confirmed": false
                },
                {
                    "model": "veo3.1_fast",
                    "audio": false,
                    "per_second": "0.10",
                    "confirmed": false
                },
                {
                    "model": "veo3.1_fast",
                    "audio": true,
                    "per_second": "0.15",
                    "confirmed": false
                }
            ]
        },
        "veo": {
            "published": "2026-08-21",
            "source": "third-party price table in public code (not verified on Google's page)",
            "confirmed": false,
            "rows": [
                {
                    "model": "veo-3.1-generate-preview",
                    "resolution": "720p",
                    "per_second": "0.40"
                },
                {
                    "model": "veo-3.1-generate-preview",
                    "resolution": "1080p",
                    "per_second": "0.40"
                },
                {
                    "model": "veo-3.1-generate-preview",
                    "resolution": "4k",
                    "per_second": "0.60"
                },
                {
                    "model": "veo-3.1-fast-generate-preview",
                    "resolution": "720p",
                    "per_second": "0.10"
                },
                {
                    "model": "veo-3.1-fast-generate-preview",
                    "resolution": "1080p",
                    "per_second": "0.12"
                },
                {
                    "model": "veo-3.1-fast-generate-preview",
                    "resolution": "4k",
                    "per_second": "0.30"
                },
                {
                    "model": "veo-3.1-lite-generate-preview",
                    "resolution": "720p",
                    "per_second": "0.05"
                },
                {
                    "model": "veo-3.1-lite-generate-preview",
                    "resolution": "1080p",
                    "per_second": "0.08"
                }
            ]
        },
        "veo-vertex": {
            "published": "2026-12-03",
            "source": "third-party price tables of Vertex AI Veo 3.1, read 2026-12-03 (generate: $0.40/s with audio, $0.60/s at 4k; fast: $0.15/s, $0.35/s at 4k; video only $0.20/s, $0.10/s): not verified on Google's pricing page",
            "confirmed": false,
            "rows": [
                {
                    "model": "veo-3.1-generate-001",
                    "audio": true,
                    "per_second": "0.40"
                },
                {
                    "model": "veo-3.1-generate-001",
                    "resolution": "4k",
                    "audio": true,
                    "per_second": "0.60"
                },
                {
                    "model": "veo-3.1-generate-001",
                    "audio": false,
                    "per_second": "0.20"
                },
                {
                    "model": "veo-3.1-fast-generate-001",
                    "audio": true,
                    "per_second": "0.15"
                },
                {
                    "model": "veo-3.1-fast-generate-001",
                    "resolution": "4k",
                    "audio": true,
                    "per_second": "0.35"
                },
                {
                    "model": "veo-3.1-fast-generate-001",
                    "audio": false,
                    "per_second": "0.10"
                }
            ]
        },
        "luma": {
            "published": "2026-04-01",
            "source": "Luma publishes Ray 2 API prices only per account; none captured",
            "confirmed": false,
            "rows": []
        },
        "pika": {
            "published": "2026-08-21",
            "source": "fal.ai model page: 5 s at 720p $0.20, 5 s at 1080p $0.45 (10 s assumed linear)",
            "confirmed": true,
            "rows": [
                {
                    "model": "fal-ai/pika/v2.2",
                    "resolution": "720p",
                    "per_second": "0.04"
                },
                {
                    "model": "fal-ai/pika/v2.2",
                    "resolution": "1080p",
                    "per_second": "0.09"
                }
            ]
        },
        "kling": {
            "published": "2026-05-01",
            "source": "third-party transcription of kling.ai pricing (units at $0.14); audio surcharge unknown",
            "confirmed": false,
            "rows": [
                {
                    "model": "kling-v2-6",
                    "resolution": "720p",
                    "audio": false,
                    "per_second": "0.042"
                },
                {
                    "model": "kling-v2-6",
                    "resolution": "1080p",
                    "audio": false,
                    "per_second": "0.07"
                },
                {
                    "model": "kling-v3",
                    "resolution": "720p",
                    "audio": false,
                    "per_second": "0.084"
                },
                {
                    "model": "kling-v3",
                    "resolution": "1080p",
                    "audio": false,
                    "per_second": "0.112"
                },
                {
                    "model": "kling-v2-1-master",
                    "per_second": "0.28"
                },
                {
                    "model": "kling-v1",
                    "resolution": "720p",
                    "per_second": "0.028"
                }
            ]
        },
        "fake": {
            "published": "2026-11-22",
            "source": "the offline stand-in costs nothing",
            "confirmed": true,
            "rows": [
                {
                    "model": "fake-1",
                    "per_second": "0"
                }
            ]
        }
    }
};
export const SORA_DATA = {
    "about": "What Sora code passes and reads, and what the shim makes of it. Shared by every shim (Python from_sora, TypeScript fromSora) and by the Python rewrite. Source: shared/reference/sora-api.md sections 4 and 5.",
    "sizes": {
        "1280x720": {
            "aspect_ratio": "16:9",
            "resolution": "720p"
        },
        "720x1280": {
            "aspect_ratio": "9:16",
            "resolution": "720p"
        },
        "1792x1024": {
            "aspect_ratio": "16:9",
            "resolution": "1080p"
        },
        "1024x1792": {
            "aspect_ratio": "9:16",
            "resolution": "1080p"
        },
        "1920x1080": {
            "aspect_ratio": "16:9",
            "resolution": "1080p"
        },
        "1080x1920": {
            "aspect_ratio": "9:16",
            "resolution": "1080p"
        }
    },
    "seconds": [
        4,
        8,
        12,
        16,
        20
    ],
    "default_seconds": 4,
    "default_size": "720x1280",
    "model_prefix": "sora-",
    "statuses": {
        "queued": "pending",
        "in_progress": "processing",
        "completed": "completed",
        "failed": "failed"
    },
    "http_options": [
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout"
    ]
};
/** The small MP4 the fake provider serves. */
export const FAKE_VIDEO_BASE64 = "AAAAHGZ0eXBpc29tAAACAGlzb21pc28ybXA0MQAAAHRtb292AAAAbG12aGQAAAAAAAAAAAAAAAAAAAPoAAAPoAABAAABAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAACG1kYXQ=";
