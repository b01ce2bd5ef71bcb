/**
 * What the tests of the official Vipps Postman collections (../shared/fixtures/postman, beside
 * the repo) agree on: the requests each file gets wrong when run top to bottom, with the reason
 * the real test environment would refuse them too, and the requests Vipps' own quick starts send
 * one after another, which the simulated customer lets run with no approve step.
 */

/**
 * Requests the collections get wrong, by collection and request name, with the reason. Each of
 * them would fail the same way against the real test environment. The test fails if one of them
 * starts to pass (the list must stay exact) or any other request fails.
 */
export const ORDER = 'the collection runs its requests in an order the API cannot follow:';
export const COLLECTION_MISTAKES: Record<string, Record<string, string>> = {
  ePayment: {
    'Capture payment': `${ORDER} "Cancel payment" runs right after the last payment ("Card") is made and cancels it in full, so nothing is left to capture. With a person approving on a test phone the cancel comes first and ends the payment; with the simulated customer it releases the whole authorisation. Either way the capture has nothing to take.`,
    'Refund payment': `${ORDER} nothing was captured (see "Capture payment"), so there is nothing to refund.`,
    'Force approve payment': `${ORDER} the payment was cancelled two requests earlier; a cancelled payment cannot be approved.`,
    'Get Userinfo': 'the `sub` comes from "Get payment" on the last payment created ("Card"), which asked for no profile scope, so `sub` is empty; and the request sends no subscription key.',
  },
  eCom: {
    'Generate QR Code PNG': 'it runs first, before any payment exists, so {{vippsLandingPageURL}} is still the placeholder text of the environment, which no service accepts as a URL (the sandbox does not serve the QR API at all; see the README).',
    'Capture Payment': `${ORDER} "Cancel Payment" has just cancelled the payment (the customer had approved it; the cancel voids the reservation).`,
    'Force Approve Payment': `${ORDER} the payment was cancelled two requests earlier.`,
    'Refund Payment': `${ORDER} nothing was captured, so there is nothing to refund.`,
  },
  'Recurring v3': {
    'Update Agreement - Product name': `${ORDER} "Stop Agreement" runs before the updates, and a stopped agreement cannot be changed.`,
    'Update Agreement - Product description': `${ORDER} the agreement was stopped before (see "Update Agreement - Product name").`,
    'Update Agreement - Merchant agreement url': `${ORDER} the agreement was stopped before (see "Update Agreement - Product name").`,
    'Update Agreement - Legacy pricing amount': `${ORDER} the agreement was stopped before (see "Update Agreement - Product name").`,
    'Update Agreement - Suggested max amount': `${ORDER} the agreement was stopped before; it also has LEGACY pricing, which has no suggested maximum.`,
    'Create Charge - Direct capture': `${ORDER} charges need an ACTIVE agreement, and this one was stopped by "Stop Agreement".`,
    'Create Charge - Reserve capture': `${ORDER} charges need an ACTIVE agreement, and this one was stopped by "Stop Agreement".`,
    'Capture reserved charge': 'no charge was created (see "Create Charge"), so {{chargeId}} is empty.',
    'Refund Charge': 'no charge was created (see "Create Charge"), so {{chargeId}} is empty.',
    'Cancel Charge': 'no charge was created (see "Create Charge"), so {{chargeId}} is empty.',
    'Get Charge': 'no charge was created (see "Create Charge"), so {{chargeId}} is empty.',
    'Get Userinfo': '"Get Agreement" reads the last agreement drafted ("Full flex campaign and initial charge"), which asked for no profile scope, so `sub` is empty.',
  },
};

/**
 * The requests of each collection in the order Vipps' quick start for that API sends them
 * (token, payment or agreement, [the customer approves in the app], status, capture, refund; and
 * the profile-sharing guide's userinfo), as names for newman's repeated `--folder`, written in
 * the collection's order, which is the order both newman and we run them in. The profile
 * flow's payment or agreement is the one created, since only it asks for the `sub` that
 * userinfo needs. Picked this way, nothing in the file is changed, and every request must pass.
 */
export const QUICK_START_PICKS: Record<string, { file: string; environment: string; picks: string[] }> = {
  ePayment: {
    file: 'tools_epayment-api-postman-collection.json',
    environment: 'tools_global-postman-environment.json',
    picks: ['Get Access Token', 'Create payment - User info', 'Capture payment', 'Refund payment', 'Get payment event log', 'Get payment', 'Get Userinfo'],
  },
  eCom: {
    file: 'tools_vipps-ecom-api-postman-collection.json',
    environment: 'tools_vipps-ecom-api-postman-environment.json',
    picks: ['Get Access Token', 'Initiate Payment - Profile flow', 'Get Payment Details', 'Capture Payment', 'Refund Payment', 'Get Userinfo'],
  },
  'Recurring v3': {
    file: 'tools_recurring-v3-api-postman-collection.json',
    environment: 'tools_vipps-recurring-v3-api-postman-environment.json',
    picks: ['Get Access Token', 'Draft Agreement - Profile sharing flow', 'Get Agreement', 'Create Charge - Direct capture', 'Get Charge', 'List Charges', 'Get Userinfo'],
  },
};

/** A `sub` userinfo can answer for: not the text a script wrote for a missing one. */
export const REAL_SUB = /\/vipps-userinfo-api\/userinfo\/(?!null$|undefined$|%7B)[A-Za-z0-9_-]{8,}$/;

/**
 * The values the files ask a user to set, set as a user would, the same for both tools. The
 * keys use the dynamic variables the environment's own notes suggest, so each request gets a
 * new one in either tool and the two runs never replay each other's requests.
 */
export const USER_VALUES: Record<string, string> = {
  mobileNumber: '91234567',
  internationalMobileNumber: '4791234567',
  merchantRedirectUrl: 'https://example.com/redirect',
  merchantAgreementUrl: 'https://example.com/agreement',
  merchantOrderId: 'order-{{$timestamp}}{{$randomInt}}',
  // Recurring's requests send {{idempotency_key}}, which its file never defines.
  idempotency_key: '{{$guid}}',
  'Idempotency-Key-Create': '{{$guid}}',
  'Idempotency-Key-Refund': '{{$guid}}',
  'Idempotency-Key-Capture': '{{$guid}}',
};
