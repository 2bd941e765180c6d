// The admin API's JSON is declared once, on the server; type-only, so no server code is bundled.
export type * from '../../../admin-api-types';
