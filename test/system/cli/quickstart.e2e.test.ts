import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { pngImage } from '../../unit/engine/quickstart-run';
import { vippsExplorer } from './run-command';

const steps = ['Access token', 'Create a payment', 'Set the category', 'Add the order details', 'Read the order back'];

describe('vipps-explorer run quickstart (spawned from the build)', () => {
  it('`npx vipps-explorer run quickstart --env sandbox` passes every step and exits 0', async () => {
    const outcome = await vippsExplorer(['run', 'quickstart', '--env', 'sandbox'], {}, 'npx');
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    for (const step of steps) expect(outcome.stdout).toMatch(new RegExp(`^ok (POST|PUT|GET) ${step}  2\\d\\d `, 'm'));
    // The image step is optional and needs a picture: without --image it is skipped, and says so.
    expect(outcome.stdout).toMatch(/^- POST Upload an image {2}skipped$/m);
    expect(outcome.stderr).toContain('No --image given: the optional image step is skipped.');
  });

  it('with --image and another payment API every one of the six steps passes', async () => {
    const image = path.join(tempDir('vx-cli-image-'), 'order.png');
    fs.writeFileSync(image, pngImage());
    const outcome = await vippsExplorer(['run', 'quickstart', '--env', 'sandbox', '--payment', 'ecom', '--image', image]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/^ok POST Upload an image {2}200 /m);
    expect(outcome.stdout).toContain('Requests:   6 run, 6 passed, 0 failed');
  });

  it('with a wrong key it fails at the token step with a clear message and exits 1', async () => {
    const wrong = 'wrong-client-secret-123';
    const outcome = await vippsExplorer(['run', 'quickstart', '--env', 'sandbox'], { VIPPS_CLIENT_SECRET: wrong }, 'npx');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^FAIL POST Access token {2}401 Unauthorized/m);
    expect(outcome.stdout).toContain('1. Access token: answered 401 Unauthorized: the keys or the access token were refused. Check VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY');
    expect(outcome.stdout).toContain('stopped at the first failure');
    expect(outcome.stdout).not.toContain('Create a payment');
    expect(outcome.stdout + outcome.stderr).not.toContain(wrong);
  });

  it('an image that is not a PNG or JPEG is refused before anything is sent (exit 2)', async () => {
    const notImage = path.join(tempDir('vx-cli-image-'), 'order.png');
    fs.writeFileSync(notImage, 'GIF89a not really');
    const outcome = await vippsExplorer(['run', 'quickstart', '--image', notImage]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`The image ${notImage} is neither a PNG nor a JPEG.`);
    expect(outcome.stdout).toBe('');
  });
});
