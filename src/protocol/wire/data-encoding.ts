/** How node data travels as a JSON string. */
export type DataEncoding = 'utf8' | 'base64';
