"use strict";
// CommonJS, so both `require("openai")` and `import OpenAI from "openai"` work.
const gone = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`videos.${String(name)} was called: the Sora API is gone`);
    },
  },
);

class OpenAI {
  constructor(options = {}) {
    this.options = options;
  }

  get videos() {
    return gone;
  }
}

module.exports = OpenAI;
module.exports.OpenAI = OpenAI;
module.exports.AzureOpenAI = OpenAI;
module.exports.default = OpenAI;
