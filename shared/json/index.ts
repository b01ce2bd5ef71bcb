export { parseJsonStrict, type StrictJsonResult, type JsonSyntaxError, type JsonErrorKind } from './parse-strict';
export { fixTrailingCommas, findTrailingCommas, type TrailingComma } from './trailing-commas';
export { positionAt, type TextPosition } from './position';
export { parseJsonOrNull } from './parse-lenient';
