// postman-collection-transformer ships no types; this is the one call we make.
declare module 'postman-collection-transformer' {
  interface ConvertOptions {
    inputVersion: string;
    outputVersion: string;
    retainIds?: boolean;
  }
  const transformer: {
    convert(collection: unknown, options: ConvertOptions, callback: (error: Error | null, result: unknown) => void): void;
  };
  export default transformer;
}
