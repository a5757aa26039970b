"""The catalogue of planted Sora references and hard look-alikes for the benchmark corpus.

A `Plant` is a snippet inserted as one block into a plain filler file of kind `host` (see
`fillers.py`). A planted reference yields exactly one finding of `rule_id` on the line that
contains `marker`; a look-alike (`rule_id` None) must yield no finding at all. The shapes follow
the scanner's rule examples (`rules/*.yaml`), including their `no_match` look-alikes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plant:
    """One catalogue entry: `lines` go into a `host` file; `marker` finds the finding's line."""

    name: str
    host: str
    lines: tuple[str, ...]
    rule_id: str | None = None
    marker: str | None = None

    def __post_init__(self) -> None:
        if (self.rule_id is None) != (self.marker is None):
            raise ValueError(
                f"{self.name}: a plant needs both rule_id and marker, a look-alike neither"
            )
        if self.marker is not None and sum(self.marker in line for line in self.lines) != 1:
            raise ValueError(f"{self.name}: marker must occur on exactly one line")


PLANTS: tuple[Plant, ...] = (
    Plant(
        "py-model-constant",
        "py_module",
        ('MODEL = "sora-2-pro"',),
        "model-id",
        'MODEL = "sora-2-pro"',
    ),
    Plant(
        "yaml-model",
        "yaml_config",
        ("render:", "  model: sora-2-2025-10-06", "  seconds: 8"),
        "model-id",
        "model: sora-2-2025-10-06",
    ),
    Plant(
        "json-model",
        "json_config",
        ('  "video_model": "sora-2"',),
        "model-id",
        '"video_model": "sora-2"',
    ),
    Plant(
        "ts-model",
        "ts",
        ('const m = "openai/sora-2-pro";',),
        "model-id",
        'const m = "openai/sora-2-pro";',
    ),
    Plant(
        "py-sdk-retrieve",
        "py_module",
        (
            "from openai import OpenAI",
            "",
            "client = OpenAI()",
            "",
            "",
            "def job_status(video_id: str) -> str:",
            "    job = client.videos.retrieve(video_id)",
            "    return job.status",
        ),
        "sdk-call",
        "job = client.videos.retrieve(video_id)",
    ),
    Plant(
        "ts-sdk-download",
        "ts",
        (
            'import OpenAI from "openai";',
            "",
            "const client = new OpenAI();",
            "",
            "export async function fetchClip(id: string): Promise<ArrayBuffer> {",
            "  const res = await client.videos.downloadContent(id);",
            "  return res.arrayBuffer();",
            "}",
        ),
        "sdk-call",
        "const res = await client.videos.downloadContent(id);",
    ),
    Plant(
        "py-rest-url",
        "py_module",
        ('URL = "https://api.openai.com/v1/videos"',),
        "rest-endpoint",
        'URL = "https://api.openai.com/v1/videos"',
    ),
    Plant(
        "sh-curl",
        "shell",
        ("curl -s https://api.openai.com/v1/videos/$ID/content -o out.mp4",),
        "rest-endpoint",
        "curl -s https://api.openai.com/v1/videos/$ID/content -o out.mp4",
    ),
    Plant(
        "py-webhook",
        "py_module",
        (
            "from openai import OpenAI",
            "",
            "client = OpenAI()",
            "",
            "",
            "def handle_delivery(body: bytes, headers: dict[str, str]) -> bool:",
            "    event = client.webhooks.unwrap(body, headers)",
            '    if event.type == "video.completed":',
            "        return True",
            "    return False",
        ),
        "webhook-event",
        'if event.type == "video.completed":',
    ),
    Plant(
        "dotenv-key",
        "dotenv",
        ("SORA_API_KEY=changeme",),
        "env-var",
        "SORA_API_KEY=changeme",
    ),
    Plant(
        "py-env",
        "py_module",
        ("import os", "", 'key = os.environ["SORA_API_KEY"]'),
        "env-var",
        'key = os.environ["SORA_API_KEY"]',
    ),
    Plant(
        "md-prose",
        "markdown",
        ("We used OpenAI Sora for trailers.",),
        "doc-mention",
        "We used OpenAI Sora for trailers.",
    ),
    Plant(
        "py-comment",
        "py_module",
        ("# generated with Sora",),
        "doc-mention",
        "# generated with Sora",
    ),
    Plant(
        "go-sdk-new",
        "go",
        (
            'import "github.com/openai/openai-go/v3"',
            "",
            "func clip(ctx context.Context, client openai.Client, p string) (string, error) {",
            "\tjob, err := client.Videos.New(ctx, openai.VideoNewParams{Prompt: p})",
            "\tif err != nil {",
            '\t\treturn "", err',
            "\t}",
            "\treturn job.ID, nil",
            "}",
        ),
        "sdk-call",
        "client.Videos.New(ctx",
    ),
    Plant(
        "java-model-constant",
        "java",
        (
            "    public Object clipParams(String prompt) {",
            "        return VideoCreateParams.builder().prompt(prompt)",
            "            .model(VideoModel.SORA_2_PRO).build();",
            "    }",
        ),
        "model-id",
        "VideoModel.SORA_2_PRO",
    ),
)

LOOKALIKES: tuple[Plant, ...] = (
    Plant(
        "py-django-manager",
        "py_module",
        (
            "def add_intro(playlist: Playlist) -> None:",
            '    playlist.videos.create(title="x")',
        ),
    ),
    Plant(
        "py-youtube",
        "py_module",
        (
            "def snippets(youtube: Any) -> dict[str, Any]:",
            '    return youtube.videos().list(part="snippet").execute()',
        ),
    ),
    Plant("js-express-route", "js", ('app.get("/videos", handler);',)),
    Plant(
        "ts-own-api",
        "ts",
        (
            "export async function loadLibrary(): Promise<unknown> {",
            '  const res = await fetch("/api/videos");',
            "  return res.json();",
            "}",
        ),
    ),
    Plant(
        "py-kling-url",
        "py_module",
        ('KLING_URL = "https://api.klingai.com/v1/videos/image2video"',),
    ),
    Plant(
        "dotenv-webrtc",
        "dotenv",
        ("SORA_SIGNALING_URLS=wss://sora.example.com/signaling", "SORA_CHANNEL_ID=room-1"),
    ),
    Plant("dotenv-iot", "dotenv", ("SORACOM_ENDPOINT=https://api.soracom.io",)),
    Plant(
        "py-game-character",
        "py_module",
        (
            "class Sora:",
            "    keyblade = True",
            "",
            "    def __init__(self, level: int) -> None:",
            "        self.level = level",
            "",
            "    def attack(self, target: Any) -> int:",
            "        return self.level * 3",
        ),
    ),
    Plant(
        "py-completed-at",
        "py_module",
        (
            "def render_seconds(video: Any) -> float:",
            "    if video.completed_at is None:",
            "        return 0.0",
            "    return (video.completed_at - video.started_at).total_seconds()",
        ),
    ),
    Plant("py-internal-host", "py_module", ('host = "sora-2.lab.internal"',)),
    Plant("py-package-name", "py_module", ('name = "sora-2-video-generator"',)),
    Plant(
        "py-other-vendor-webhook",
        "py_module",
        (
            "import synthesia",
            "",
            "",
            "def on_render(event: dict[str, Any]) -> bool:",
            '    return event["type"] == "video.completed"',
        ),
    ),
    Plant(
        "py-vimeo-client",
        "py_module",
        (
            "import vimeo",
            "",
            "client = vimeo.VimeoClient(token=token)",
            "client.videos.list()",
        ),
    ),
    Plant(
        "js-apivideo-client",
        "js",
        (
            'const ApiVideoClient = require("@api.video/nodejs-client");',
            "const client = new ApiVideoClient({ apiKey: key });",
            'const video = client.videos.create({ title: "Maths video" });',
        ),
    ),
    Plant(
        "py-self-hosted",
        "py_module",
        (
            "from openai import OpenAI",
            "",
            'local = OpenAI(base_url="http://localhost:8000/v1", api_key="none")',
            'job = local.videos.create(model="wan-2.1", prompt="a cat")',
        ),
    ),
    Plant("md-research-model", "markdown", ("We fine-tuned Open-Sora 1.2 on our own clips.",)),
    Plant("md-font", "markdown", ("Headings use the Sora font from Google Fonts.",)),
    Plant(
        "md-webrtc-sdk",
        "markdown",
        ("Connect with the Sora JavaScript SDK from Shiguredo for WebRTC streaming.",),
    ),
    Plant(
        "yaml-research-checkpoint",
        "yaml_config",
        ("training:", "  checkpoint: hpcai-tech/OpenSora-STDiT-v3"),
    ),
    Plant("yaml-codec", "yaml_config", ("environment:", "  SORA_VIDEO_CODEC_TYPE: VP9")),
    Plant(
        "go-youtube-videos",
        "go",
        (
            "func uploads(svc *youtube.Service, id string) (*youtube.VideoListResponse, error) {",
            '\treturn svc.Videos.List([]string{"snippet"}).Id(id).Do()',
            "}",
        ),
    ),
    Plant(
        "java-apivideo-client",
        "java",
        (
            "    public Object host(ApiVideoClient client, String title) throws Exception {",
            "        return client.videos().create(new VideoCreationPayload().title(title));",
            "    }",
        ),
    ),
)

RULE_IDS = frozenset(plant.rule_id for plant in PLANTS if plant.rule_id is not None)


def planted_count(files: int) -> int:
    """How many planted references (and as many look-alikes) a corpus of `files` files gets."""
    return max(20, files // 250)
