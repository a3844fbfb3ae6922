// The ES-module build lives beside the CommonJS one; this marker makes Node and bundlers read it as ESM,
// so a plugin that imports only constants tree-shakes zod away (TOOLCHAIN.md, fix C).
const fs = require('fs');
const path = require('path');
fs.writeFileSync(path.join(__dirname, '..', 'dist', 'esm', 'package.json'), '{ "type": "module" }\n');
