import { describe, expect, it } from 'vitest';
import { vippsProfileVariables } from '../../../electron/backend/interop/vipps-profile-variables';

const system = { name: 'vipps-explorer', version: '0.1.0', pluginName: 'vipps-explorer', pluginVersion: '0.1.0' };

describe('the variables a profile supplies to the official Vipps collections', () => {
  it("gives the Sandbox profile demo values for every 'set your own value' variable the official collections read", () => {
    const values = vippsProfileVariables({ msn: '123456', system, environment: 'sandbox' }, 'http://127.0.0.1:1');
    // ePayment, eCom and Recurring read these without setting them in any script.
    for (const name of ['amount', 'currency', 'mobileNumber', 'internationalMobileNumber', 'merchantOrderId', 'amount_initial', 'amount_charge', 'amount_refund', 'due', 'interval', 'intervalCount', 'price', 'campaignPrice', 'productName', 'retryDays', 'shippingCost1', 'transactionTextInitiate', 'status_charges']) {
      expect(values[name], name).toMatch(/\S/);
    }
    // No demo amount is one of Vipps' magic test amounts, which would decide an outcome.
    for (const name of ['amount', 'amount_initial', 'amount_charge', 'amount_refund', 'price', 'campaignPrice']) {
      expect(['151', '182', '183', '184', '186', '187', '197', '201', '202', '123', '124']).not.toContain(values[name]);
    }
    expect(values.base_url).toBe('http://127.0.0.1:1');
  });

  it('gives a Test or Production profile no demo values, only its own', () => {
    const values = vippsProfileVariables({ msn: '654321', system, environment: 'test' }, 'https://apitest.vipps.no');
    expect(values.amount).toBeUndefined();
    expect(values.merchantOrderId).toBeUndefined();
    expect(values.merchantSerialNumber).toBe('654321');
  });
});
