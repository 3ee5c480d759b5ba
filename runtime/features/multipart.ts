/** multipart/form-data request bodies (records and FormData, streamed parts), for installFeatures() (runtime/features.ts). */
import type { MultipartFeature } from '../features.js';
import { encodeMultipart, isFormData } from '../request/multipart.js';

export const multipart: MultipartFeature = { encode: encodeMultipart, isFormData };
