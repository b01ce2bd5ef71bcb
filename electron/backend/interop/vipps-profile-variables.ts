import type { SalesUnitProfile } from '../profiles/profile-document';

/**
 * The variable names Vipps' own Postman collections and environments use, as a profile (the
 * Sandbox included) supplies them. Keys are not among the values: requests that need them sign
 * with the profile's Vipps auth, and the engine reads the keys from the keychain when sending.
 */
export const VIPPS_PROFILE_VARIABLES: ReadonlySet<string> = new Set([
  'base_url',
  'merchantSerialNumber',
  'client_id',
  'client_secret',
  'Ocp-Apim-Subscription-Key',
  'access_token',
  'vipps_system_name',
  'vipps_system_version',
  'vipps_system_plugin_name',
  'vipps_system_plugin_version',
]);

/**
 * On the embedded sandbox the files' "set your own value here" variables get demo values, so an
 * official collection runs as it is: the sandbox's test user and example.com addresses.
 */
const SANDBOX_DEMO_VALUES: Readonly<Record<string, string>> = {
  mobileNumber: '91234567',
  internationalMobileNumber: '4791234567',
  merchantRedirectUrl: 'https://example.com/redirect',
  merchantAgreementUrl: 'https://example.com/agreement',
  callbackPrefix: 'https://example.com/callbacks',
  fallBack: 'https://example.com/fallback',
  consentRemovalPrefix: 'https://example.com/consent-removal',
  shippingDetailsPrefix: 'https://example.com/shipping',
  // Amounts in øre, none of them one of Vipps' magic test amounts (151, 182, …), which decide
  // an outcome in the test environment.
  amount: '49900',
  currency: 'NOK',
  shippingCost1: '3000',
  shippingCost2: '10000',
  shippingMethod1: 'Pick-up point',
  shippingMethod2: 'Home delivery',
  transactionTextInitiate: 'Sandbox order',
  transactionTextCapture: 'Sandbox order, captured',
  transactionTextCancel: 'Sandbox order, cancelled',
  transactionTextRefund: 'Sandbox order, refunded',
  // Recurring: a weekly agreement with a first charge and a later one.
  productName: 'Sandbox subscription',
  productName_updated: 'Sandbox subscription, renamed',
  productDescription_updated: 'The sandbox subscription after an update',
  price: '1000',
  campaignPrice: '500',
  interval: 'WEEK',
  intervalCount: '2',
  amount_initial: '500',
  amount_charge: '1000',
  amount_refund: '200',
  description_initial: 'First sandbox charge',
  description_charge: 'Sandbox charge',
  description_refund: 'Sandbox refund',
  due: '2040-01-01',
  retryDays: '0',
  status_agreements: 'ACTIVE',
  status_charges: 'DUE',
  merchantOrderId: 'sandbox-order-1',
  // Set by the eCom calls of Vipps' shared environment; an ePayment collection imported alone
  // still sends it with its force approve, which the sandbox takes as it takes any token.
  payment_token: 'sandbox-payment-token',
};

export function vippsProfileVariables(profile: Pick<SalesUnitProfile, 'msn' | 'system' | 'environment'>, baseUrl: string): Record<string, string> {
  return {
    ...(profile.environment === 'sandbox' ? SANDBOX_DEMO_VALUES : {}),
    base_url: baseUrl,
    merchantSerialNumber: profile.msn,
    vipps_system_name: profile.system.name,
    vipps_system_version: profile.system.version,
    vipps_system_plugin_name: profile.system.pluginName,
    vipps_system_plugin_version: profile.system.pluginVersion,
  };
}
