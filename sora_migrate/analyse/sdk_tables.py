"""What the OpenAI SDKs of Go, Java, Kotlin, Ruby, .NET, PHP and Rust look like, as data.

One `SdkLanguage` per grammar: which nodes are calls, member accesses, strings and comments;
how the SDK builds a client and reaches the `videos` resource; the resource's method names; and
the types a client or the resource is declared with. `sdks.py` reads these tables; nothing here
runs a parser. Sources: /work/shared/reference/sora-sdks-other-languages.md (openai-go video.go,
openai-java VideoService.kt, openai-ruby resources/videos.rb, openai-dotnet OpenAI.Videos,
async-openai video.rs, openai_dive videos.rs).

Chains are written as dotted text from the root: `openai.NewClient`, `OpenAIOkHttpClient.builder
.apiKey.build`, `OpenAI.Client.new`, `new OpenAIClient`. In Go the package name of an
`openai-go` import (whatever its alias) is written `@sdk`, so `sashabaranov/go-openai`, also a
package `openai`, never matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NEVER = re.compile(r"(?!)")


def _type(pattern: str) -> re.Pattern[str]:
    """A declared type that names `pattern` as a whole word (also inside `Arc<...>`, `*T`)."""
    return re.compile(rf"(?<![\w.:\\])(?:{pattern})(?!\w)")


@dataclass(frozen=True)
class SdkLanguage:
    """How one language's OpenAI SDK (and its grammar) is recognised."""

    grammar: str
    # node type -> span kind ("string" or "comment") for the shared text matchers
    text_nodes: dict[str, str]
    # call node type -> field holding the callee; None: the call node is itself the member
    # access (Java `method_invocation`); "": the callee is the first named child (Kotlin)
    calls: dict[str, str | None]
    # member node type -> (object field, name field); None: first / last named child
    members: dict[str, tuple[str | None, str | None]]
    # nodes whose text is a plain name (`client`, `@client`, `$client`)
    names: frozenset[str]
    # nodes that only wrap an expression (`await x`, `x?`, `(x)`, `&x`)
    wrappers: frozenset[str] = frozenset({"parenthesized_expression"})
    # `new T(...)` node type -> field of the type (None: first named child)
    creations: dict[str, str | None] = field(default_factory=dict)
    # composite literal node type -> field of the type (Go `openai.VideoNewParams{...}`)
    literals: dict[str, str] = field(default_factory=dict)
    # how a client reaches the resource: `Videos`, `videos()`, `GetVideoClient()`
    resource: frozenset[str] = frozenset({"videos"})
    methods: frozenset[str] = frozenset()
    sora_only: frozenset[str] = frozenset()
    # methods called on the resource itself (.NET's VideoClient) rather than through `resource`
    direct: bool = False
    # calls between the client and the resource, or after it, that change nothing
    passthrough: frozenset[str] = frozenset()
    clients: re.Pattern[str] = NEVER
    # `clients` is a common name (Rust's `Client::new()`): trust it only in a file using the SDK
    clients_need_marker: bool = False
    # a client-building call that is another library's (ruby-openai's `access_token:`)
    not_client: re.Pattern[str] = NEVER
    video_resources: re.Pattern[str] = NEVER
    client_types: re.Pattern[str] = NEVER
    resource_types: re.Pattern[str] = NEVER
    # the chain of an argument that can only be a Sora request (`openai.VideoNewParams{...}`)
    params: re.Pattern[str] = NEVER
    # the file uses this SDK: needed before a declared type or a short name is trusted
    marker: re.Pattern[str] = NEVER
    # import node type -> what its text names when it imports Sora types
    type_imports: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # chains of Sora SDK types used on their own (Go `openai.VideoStatusCompleted`)
    type_uses: re.Pattern[str] = NEVER
    # keyword-argument pair node type (Ruby `prompt: "x"`), to check a call's keys
    pairs: frozenset[str] = frozenset()
    # nodes the grammar leaves as a flat run of tokens (Rust macro arguments: `println!(...)`),
    # read for `receiver.videos().method(` as text
    opaque: frozenset[str] = frozenset()
    # tree-sitter query: declarations, assignments and parameters (@name with @value or @type);
    # functions that return a client (@factory with its declared @type or returned @value)
    bindings: str = ""


def words(text: str) -> frozenset[str]:
    """A set of names written as one space-separated string."""
    return frozenset(text.split())


# `//` and `/* */` comments of Java, Kotlin and Rust
C_COMMENTS = {"line_comment": "comment", "block_comment": "comment"}
JVM_METHODS = words(
    "create retrieve list delete downloadContent remix edit extend createCharacter getCharacter"
)
JVM_SORA_ONLY = words("downloadContent remix createCharacter getCharacter")
JVM_CLIENTS = re.compile(r"^(?:com\.openai\.client\.okhttp\.)?OpenAIOkHttpClient(?:Async)?\.")
JVM_CLIENT_TYPES = _type(r"(?:com\.openai\.client\.)?OpenAIClient(?:Async)?")
JVM_RESOURCE_TYPES = _type(r"(?:com\.openai\.services\.\w+\.)?VideoService(?:Async)?")
JVM_PARAMS = re.compile(r"^(?:com\.openai\.models\.videos\.)?Video\w*Params\.builder\b")
JVM_MARKER = re.compile(r"\bcom\.openai\.")
JVM_TYPE_IMPORT = re.compile(r"\bcom\.openai\.(?:models\.videos\b|services\.\w+\.VideoService)")
JVM_PASSTHROUGH = words("async withOptions withRawResponse")

GO = SdkLanguage(
    grammar="go",
    text_nodes={
        "interpreted_string_literal": "string",
        "raw_string_literal": "string",
        "comment": "comment",
    },
    calls={"call_expression": "function"},
    members={"selector_expression": ("operand", "field")},
    names=frozenset({"identifier", "field_identifier"}),
    wrappers=frozenset({"parenthesized_expression", "unary_expression"}),
    literals={"composite_literal": "type"},
    resource=frozenset({"Videos"}),
    methods=words(
        "New NewAndPoll PollStatus Get List ListAutoPaging Delete DownloadContent Remix Edit"
        " Extend NewCharacter GetCharacter"
    ),
    sora_only=words("NewAndPoll PollStatus DownloadContent Remix NewCharacter GetCharacter"),
    passthrough=words("WithOptions"),
    clients=re.compile(r"^@sdk\.NewClient$"),
    video_resources=re.compile(r"^@sdk\.NewVideoService$"),
    client_types=_type(r"@sdk\.Client"),
    resource_types=_type(r"@sdk\.VideoService"),
    params=re.compile(r"^@sdk\.Video\w*Params$"),
    type_uses=re.compile(r"^@sdk\.(?:Video(?!ModelSora)\w*|NewVideoService)$"),
    bindings="""
(short_var_declaration left: (expression_list . (_) @name) right: (expression_list . (_) @value))

(assignment_statement left: (expression_list . (_) @name) right: (expression_list . (_) @value))

(var_spec name: (identifier) @name type: (_)? @type value: (expression_list . (_) @value)?)

(field_declaration name: (field_identifier) @name type: (_) @type)

(parameter_declaration name: (identifier) @name type: (_) @type)

(keyed_element key: (literal_element (identifier) @name) value: (literal_element (_) @value))

(function_declaration name: (identifier) @factory result: (_) @type)

(method_declaration name: (field_identifier) @factory result: (_) @type)
""",
)

JAVA = SdkLanguage(
    grammar="java",
    text_nodes={"string_literal": "string", **C_COMMENTS},
    calls={"method_invocation": None},
    members={"method_invocation": ("object", "name"), "field_access": ("object", "field")},
    names=frozenset({"identifier"}),
    creations={"object_creation_expression": "type"},
    methods=JVM_METHODS,
    sora_only=JVM_SORA_ONLY,
    passthrough=JVM_PASSTHROUGH,
    clients=JVM_CLIENTS,
    client_types=JVM_CLIENT_TYPES,
    resource_types=JVM_RESOURCE_TYPES,
    params=JVM_PARAMS,
    marker=JVM_MARKER,
    type_imports={"import_declaration": JVM_TYPE_IMPORT},
    bindings="""
(variable_declarator name: (identifier) @name value: (_) @value)

(local_variable_declaration
  type: (_) @type declarator: (variable_declarator name: (identifier) @name))

(field_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))

(formal_parameter type: (_) @type name: (identifier) @name)

(assignment_expression left: (_) @name right: (_) @value)

(method_declaration type: (_) @type name: (identifier) @factory)
""",
)

KOTLIN = SdkLanguage(
    grammar="kotlin",
    text_nodes={"string_literal": "string", "multiline_string_literal": "string", **C_COMMENTS},
    calls={"call_expression": ""},
    members={"navigation_expression": (None, None)},
    names=frozenset({"identifier"}),
    methods=JVM_METHODS,
    sora_only=JVM_SORA_ONLY,
    passthrough=JVM_PASSTHROUGH,
    clients=JVM_CLIENTS,
    client_types=JVM_CLIENT_TYPES,
    resource_types=JVM_RESOURCE_TYPES,
    params=JVM_PARAMS,
    marker=JVM_MARKER,
    type_imports={"import": JVM_TYPE_IMPORT, "import_header": JVM_TYPE_IMPORT},
    bindings="""
(property_declaration (variable_declaration (identifier) @name) (_) @value)

(property_declaration (variable_declaration (identifier) @name [(user_type) (nullable_type)] @type))

(class_parameter (identifier) @name [(user_type) (nullable_type)] @type)

(parameter (identifier) @name [(user_type) (nullable_type)] @type)

(assignment left: (_) @name right: (_) @value)

(property_declaration (variable_declaration (identifier) @name)
  (property_delegate (call_expression (annotated_lambda (lambda_literal (_) @value)))))

(function_declaration name: (identifier) @factory [(user_type) (nullable_type)] @type)

(function_declaration name: (identifier) @factory (function_body (_) @value))
""",
)

RUBY = SdkLanguage(
    grammar="ruby",
    text_nodes={
        "string": "string",
        "delimited_symbol": "string",
        "heredoc_body": "string",
        "comment": "comment",
    },
    calls={"call": None},
    members={"call": ("receiver", "method"), "scope_resolution": ("scope", "name")},
    names=frozenset({"identifier", "instance_variable", "constant", "class_variable"}),
    methods=words(
        "create retrieve list delete download_content remix edit extend_ create_character"
        " get_character"
    ),
    sora_only=words("download_content remix extend_ create_character get_character"),
    passthrough=words("with_options"),
    clients=re.compile(r"^OpenAI\.Client\.new$"),
    not_client=re.compile(r"\baccess_token\s*:|:access_token\b"),
    marker=re.compile(r"\bOpenAI::|\brequire\s*\(?\s*[\"']openai[\"']"),
    pairs=frozenset({"pair"}),
    bindings="""
(assignment left: (_) @name right: (_) @value)

(operator_assignment left: (_) @name right: (_) @value)

(keyword_parameter name: (identifier) @name value: (_) @value)

(optional_parameter name: (identifier) @name value: (_) @value)

(method name: (identifier) @factory body: (body_statement (_) @value))
""",
)

CSHARP = SdkLanguage(
    grammar="csharp",
    text_nodes={
        "string_literal": "string",
        "verbatim_string_literal": "string",
        "raw_string_literal": "string",
        "interpolated_string_expression": "string",
        "comment": "comment",
    },
    calls={"invocation_expression": "function"},
    members={
        "member_access_expression": ("expression", "name"),
        "conditional_access_expression": ("condition", None),
    },
    names=frozenset({"identifier", "member_binding_expression"}),
    wrappers=frozenset({"parenthesized_expression", "await_expression"}),
    creations={"object_creation_expression": "type"},
    resource=frozenset({"GetVideoClient"}),
    methods=words(
        "CreateVideo CreateVideoAsync CreateVideoRemix CreateVideoRemixAsync GetVideo"
        " GetVideoAsync GetVideos GetVideosAsync DeleteVideo DeleteVideoAsync DownloadVideo"
        " DownloadVideoAsync"
    ),
    sora_only=words(
        "CreateVideo CreateVideoAsync CreateVideoRemix CreateVideoRemixAsync GetVideo"
        " GetVideoAsync GetVideos GetVideosAsync DeleteVideo DeleteVideoAsync DownloadVideo"
        " DownloadVideoAsync"
    ),
    direct=True,
    # Azure.AI.OpenAI's AzureOpenAIClient derives from OpenAIClient
    clients=re.compile(r"^new (?:OpenAI\.|Azure\.AI\.OpenAI\.)?(?:Azure)?OpenAIClient$"),
    video_resources=re.compile(r"^new (?:OpenAI\.Videos\.)?VideoClient$"),
    client_types=_type(r"(?:OpenAI\.|Azure\.AI\.OpenAI\.)?(?:Azure)?OpenAIClient"),
    resource_types=_type(r"(?:OpenAI\.Videos\.)?VideoClient"),
    marker=re.compile(r"\busing\s+OpenAI\b|\bOpenAI\.\w|\bOPENAI001\b"),
    type_imports={"using_directive": re.compile(r"\bOpenAI\.Videos\b")},
    bindings="""
(variable_declaration type: (_) @type (variable_declarator name: (identifier) @name))

(variable_declarator name: (identifier) @name (_) @value)

(parameter type: (_) @type name: (identifier) @name)

(property_declaration type: (_) @type name: (identifier) @name)

(assignment_expression left: (_) @name right: (_) @value)

(method_declaration returns: (_) @type name: (identifier) @factory)
""",
)

PHP = SdkLanguage(
    grammar="php",
    text_nodes={
        "string": "string",
        "encapsed_string": "string",
        "heredoc": "string",
        "nowdoc": "string",
        "comment": "comment",
    },
    calls={
        "member_call_expression": None,
        "nullsafe_member_call_expression": None,
        "scoped_call_expression": None,
    },
    members={
        "member_call_expression": ("object", "name"),
        "nullsafe_member_call_expression": ("object", "name"),
        "member_access_expression": ("object", "name"),
        "scoped_call_expression": ("scope", "name"),
    },
    names=frozenset({"variable_name", "name", "qualified_name"}),
    creations={"object_creation_expression": None},
    # openai-php/client has no videos resource (v0.20.1); a wrapper or fork that adds one
    # would follow the SDK's `$client->videos()->create([...])` shape.
    methods=words("create retrieve list delete remix download content"),
    sora_only=words("remix"),
    clients=re.compile(r"^OpenAI\.(?:client|factory\b.*\.make)$"),
    client_types=_type(r"\\?OpenAI\\(?:Client|Contracts\\ClientContract)"),
    marker=re.compile(r"\bOpenAI(?:\\|::)"),
    bindings="""
(assignment_expression left: (_) @name right: (_) @value)

(property_promotion_parameter type: (_) @type name: (variable_name) @name)

(simple_parameter type: (_) @type name: (variable_name) @name)

(property_declaration type: (_) @type (property_element name: (variable_name) @name))

(method_declaration name: (name) @factory return_type: (_) @type)

(function_definition name: (name) @factory return_type: (_) @type)
""",
)

RUST = SdkLanguage(
    grammar="rust",
    text_nodes={"string_literal": "string", "raw_string_literal": "string", **C_COMMENTS},
    calls={"call_expression": "function"},
    members={"field_expression": ("value", "field"), "scoped_identifier": ("path", "name")},
    names=frozenset({"identifier", "field_identifier", "self"}),
    wrappers=frozenset(
        {"parenthesized_expression", "try_expression", "await_expression", "reference_expression"}
    ),
    methods=words(
        "create retrieve list delete download_content remix edit extend create_character"
        " get_character retrieve_content create_byot retrieve_byot list_byot delete_byot"
        " download_content_byot remix_byot"
    ),
    sora_only=words(
        "download_content remix create_character get_character retrieve_content"
        " download_content_byot remix_byot"
    ),
    # `.query(&[("variant", ...)])?` sits between the resource and its method since 0.31
    passthrough=words("query"),
    opaque=frozenset({"token_tree"}),
    clients_need_marker=True,
    clients=re.compile(
        r"^(?:async_openai\.)?Client\.(?:new|with_config|build)$"
        r"|^(?:openai_dive\.[\w.]*)?Client\.(?:new|new_from_env)$"
    ),
    client_types=_type(
        r"(?:async_openai::)?Client<(?:async_openai::config::)?(?:OpenAIConfig|AzureConfig)>"
        r"|async_openai::Client(?:<.*>)?|openai_dive::[\w:]*Client"
    ),
    resource_types=_type(r"(?:async_openai::)?Videos<.*>"),
    params=re.compile(r"^(?:[\w.]*\.)?CreateVideo\w*Request\w*\.default\b"),
    marker=re.compile(r"\basync_openai\b|\bopenai_dive\b"),
    type_imports={
        "use_declaration": re.compile(
            r"\basync_openai::[\s\S]*(?:\bvideos?\b|Video)|\bopenai_dive::[\s\S]*\bvideo"
        )
    },
    bindings="""
(let_declaration pattern: (identifier) @name type: (_)? @type value: (_)? @value)

(field_declaration name: (field_identifier) @name type: (_) @type)

(parameter pattern: (identifier) @name type: (_) @type)

(field_initializer field: (field_identifier) @name value: (_) @value)

(assignment_expression left: (_) @name right: (_) @value)

(function_item name: (identifier) @factory return_type: (_) @type)
""",
)

SDK_LANGUAGES: dict[str, SdkLanguage] = {
    "go": GO,
    "java": JAVA,
    "kotlin": KOTLIN,
    "ruby": RUBY,
    "csharp": CSHARP,
    "php": PHP,
    "rust": RUST,
}

# Model constants of the SDKs, a model id without the literal string: Go
# `openai.VideoModelSora2Pro`, Java/Kotlin `VideoModel.SORA_2`, Ruby `OpenAI::VideoModel::SORA_2`,
# openai_dive `VideoModel::Sora2`.
MODEL_CONSTANT = re.compile(
    r"\bVideoModel(?:\.|::)?(?:Sora2(?:Pro)?(?:_?\d{4}_\d{2}_\d{2})?|SORA_2(?:_PRO)?(?:_\d{4}_\d{2}_\d{2})?)\b"
)
# Batch endpoint constants: Go `openai.BatchNewParamsEndpointV1Videos`, Java
# `BatchCreateParams.Endpoint.V1_VIDEOS`, Ruby `OpenAI::BatchCreateParams::Endpoint::V1_VIDEOS`.
BATCH_CONSTANT = re.compile(r"\bBatchNewParamsEndpointV1Videos\b|\bEndpoint(?:\.|::)V1_VIDEOS\b")
# Keys each method accepts (Ruby keyword arguments), for calls on an unresolved receiver.
METHOD_KEYS: dict[str, frozenset[str]] = {
    "create": words("prompt input_reference model seconds size request_options"),
    "list": words("after limit order request_options"),
    "download_content": words("variant request_options"),
    "remix": words("prompt request_options"),
    "edit": words("prompt video request_options"),
    "extend_": words("prompt seconds video request_options"),
    "create_character": words("name video request_options"),
}
