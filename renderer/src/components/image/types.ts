export interface PickedImage {
  fileName: string;
  mime: 'image/png' | 'image/jpeg';
  base64: string;
  bytes: number;
  width: number;
  height: number;
}
