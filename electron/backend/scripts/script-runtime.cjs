'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, bundled into one file for the built app */
/*
 * Everything the script process loads besides Node itself: postman-sandbox (Postman's pm.* API)
 * and postman-collection's Url (to hand the engine one URL string). The built app bundles this
 * file into one (scripts/build.mjs), so the script process reads and compiles one file instead of
 * resolving some hundred modules on every start; from the sources it loads node_modules as is.
 */
module.exports = {
  Sandbox: require('postman-sandbox'),
  Url: require('postman-collection').Url,
};
