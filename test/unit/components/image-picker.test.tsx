// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectImage, validateImageUpload } from '../../../shared/vipps';
import { ImagePicker, type PickedImage } from '../../../renderer/src/components/image/ImagePicker';
import { encodePalettePng } from '../../../renderer/src/components/image/png-encoder';
import { createSampleImage, loadSampleImage } from '../../../renderer/src/components/image/sample-image';

afterEach(cleanup);

const png = (width: number, height: number) => encodePalettePng(width, height, [[0, 0, 0], [255, 255, 255]], (x, y) => (x + y) % 2);

function pick(bytes: Uint8Array, name: string, type = 'image/png') {
  const input = screen.getByLabelText('Image file (PNG or JPEG)');
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name, { type })] } });
}

function renderPicker(onChange = vi.fn(), value: PickedImage | null = null) {
  render(<ImagePicker value={value} onChange={onChange} sample={loadSampleImage} idPrefix="img" />);
  return onChange;
}

describe('ImagePicker', () => {
  it('rejects a GIF even when it is named .png, and says what to do', async () => {
    const onChange = renderPicker();
    pick(new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'logo.png');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“logo.png” is a GIF image');
    expect(alert.textContent).toContain('save it in one of those formats');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('rejects a file over 2 MiB with its size and the limit', async () => {
    const onChange = renderPicker();
    const big = new Uint8Array(2 * 1024 * 1024 + 10);
    big.set(png(400, 400).subarray(0, 33));
    pick(big, 'big.png');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('is 2.0 MiB; the limit is 2.0 MiB');
    expect(alert.textContent).toContain('Make it smaller');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('rejects a PNG only 100 px high and names the minimum', async () => {
    const onChange = renderPicker();
    pick(png(300, 100), 'banner.png');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“banner.png” is 100 px high; Vipps needs at least 167 px');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('accepts a good PNG by its bytes and reports its facts', async () => {
    const onChange = renderPicker();
    pick(png(200, 180), 'photo.jpg', 'image/jpeg');
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const image = onChange.mock.calls[0]![0] as PickedImage;
    expect(image).toMatchObject({ fileName: 'photo.jpg', mime: 'image/png', width: 200, height: 180 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('accepts the sample image and shows its thumbnail and facts', async () => {
    const onChange = renderPicker();
    fireEvent.click(screen.getByRole('button', { name: 'Use the sample image' }));
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const image = onChange.mock.calls[0]![0] as PickedImage;
    cleanup();
    renderPicker(vi.fn(), image);
    expect(screen.getByTestId('image-facts').textContent).toContain('PNG');
    expect(screen.getByTestId('image-facts').textContent).toContain('320 × 320 px');
    expect((screen.getByRole('img') as HTMLImageElement).src.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('makes a sample that the shared upload rules accept', () => {
    const sample = createSampleImage();
    const checked = validateImageUpload({ imageId: 'sample-1', src: sample.base64, type: 'base64' });
    expect(checked.ok).toBe(true);
    expect(sample.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(inspectImage(Uint8Array.from(atob(sample.base64), (c) => c.charCodeAt(0)))).toMatchObject({ width: 320, height: 320 });
  });

  it('uses the native dialog when one is given, with the same checks', async () => {
    const onChange = vi.fn();
    const small = png(50, 50);
    const onPickNative = vi.fn(async (): Promise<PickedImage> => ({ fileName: 'tiny.png', mime: 'image/png', base64: btoa(String.fromCharCode(...small)), bytes: small.length, width: 50, height: 50 }));
    render(<ImagePicker value={null} onChange={onChange} onPickNative={onPickNative} sample={loadSampleImage} idPrefix="img" />);
    expect(screen.queryByLabelText('Image file (PNG or JPEG)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('50 px high');
    expect(onChange).not.toHaveBeenCalled();
  });
});
