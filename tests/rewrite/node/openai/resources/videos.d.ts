// `openai/resources/videos`: the same types, where application code imports them from.
import OpenAI = require("../index");

export type Video = OpenAI.Video;
export type VideoCreateParams = OpenAI.VideoCreateParams;
export type VideoSeconds = OpenAI.VideoSeconds;
export type VideoSize = OpenAI.VideoSize;
export type Videos = OpenAI.Videos;
