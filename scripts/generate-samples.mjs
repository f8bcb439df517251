#!/usr/bin/env node
// Generates the synthetic support-ticket sample data set used by jobs/classify-tickets.json.
//
//   node scripts/generate-samples.mjs            # writes samples/tickets.jsonl and samples/tickets-small.jsonl
//   node scripts/generate-samples.mjs --seed 7   # a different (still deterministic) data set
//   node scripts/generate-samples.mjs --count 500 --out /tmp/tickets.jsonl
//
// Node 20+, no dependencies. Output is fully determined by --seed and --count: the only source of
// randomness is a seeded mulberry32 PRNG (no Math.random, no clock). Every name, company, order number
// and error message is invented; no real personal data is used.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = {
    seed: 20261127,
    count: 2000,
    smallCount: 50,
    out: join(repoRoot, 'samples', 'tickets.jsonl'),
    smallOut: join(repoRoot, 'samples', 'tickets-small.jsonl'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--seed': options.seed = toInt(arg, next()); break;
      case '--count': options.count = toInt(arg, next()); break;
      case '--small-count': options.smallCount = toInt(arg, next()); break;
      case '--out': options.out = resolve(next()); break;
      case '--small-out': options.smallOut = resolve(next()); break;
      case '-h':
      case '--help':
        console.log('usage: node scripts/generate-samples.mjs [--seed N] [--count N] [--small-count N] [--out FILE] [--small-out FILE]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (options.count < 1 || options.count > 999999) throw new Error('--count must be between 1 and 999999');
  return options;
}

function toInt(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${text}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const rng = mulberry32(seed);
  const r = {
    next: rng,
    int: (min, max) => min + Math.floor(rng() * (max - min + 1)),
    chance: (p) => rng() < p,
    pick: (items) => items[Math.floor(rng() * items.length)],
    weighted(entries) {
      // entries: [[value, weight], ...]
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = rng() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    digits: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
      return s;
    },
    hex: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
      return s;
    },
    /** k distinct items, in random order. */
    sample(items, k) {
      const copy = items.slice();
      const out = [];
      while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
      return out;
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary (all invented)
// ---------------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam',
  'Mei', 'Nikhil', 'Olivia', 'Pablo', 'Quinn', 'Rosa', 'Sanjay', 'Tamara', 'Umar', 'Valeria', 'Wes', 'Ximena',
  'Yusuf', 'Zoe', 'Anders', 'Bianca', 'Chidi', 'Dana', 'Emeka', 'Freya', 'Gustavo', 'Hana', 'Ivan', 'Jade',
  'Kofi', 'Lucia', 'Marco', 'Nadia', 'Oren', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Uma', 'Viktor', 'Wren',
];

const LAST_NAMES = [
  'Abara', 'Bergstrom', 'Castellano', 'Duarte', 'Eklund', 'Fontaine', 'Gallagher', 'Haddad', 'Ishikawa',
  'Jaramillo', 'Kowalczyk', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okonkwo', 'Petrov', 'Quintero', 'Rasmussen',
  'Sandoval', 'Thorne', 'Underwood', 'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zielinski', 'Ashby', 'Brennan',
  'Cho', 'Delacroix', 'Esposito', 'Fairbanks', 'Grieve', 'Holloway', 'Iverson', 'Kaminski', 'Lachance',
  'Moreau', 'Novak', 'Osei', 'Pellegrini', 'Ruiz', 'Sato', 'Tran', 'Voss', 'Winslow',
];

const COMPANY_PREFIXES = [
  'Bluefin', 'Harborview', 'Alpine', 'Cedar Ridge', 'Ironbridge', 'Redwood', 'Silverline', 'Brightpath',
  'Kestrel', 'Maple & Oak', 'Tidewater', 'Granite Peak', 'Lumen', 'Orchard Lane', 'Pinecrest', 'Riverbend',
  'Stonegate', 'Willowbrook', 'Copperleaf', 'Greenway', 'Juniper', 'Lakeshore', 'Meridian', 'Oakridge',
  'Quarry Hill', 'Saltmarsh', 'Foxglove', 'Blue Heron', 'Northgate', 'Emberly', 'Highline', 'Wildrose',
  'Starling', 'Driftwood', 'Amberfield', 'Cobalt', 'Ravenswood', 'Sunmill', 'Thistle', 'Westmark',
];

const COMPANY_NOUNS = [
  'Logistics', 'Dental', 'Analytics', 'Outfitters', 'Bakery', 'Health Partners', 'Robotics', 'Legal',
  'Realty', 'Studios', 'Foods', 'Freight', 'Labs', 'Veterinary Clinics', 'Apparel', 'Insurance Brokers',
  'Energy', 'Media', 'Software', 'Consulting', 'Hospitality', 'Architects', 'Fitness', 'Learning',
  'Property Management', 'Manufacturing', 'Coffee Roasters', 'Marine Supply', 'Home Services', 'Pharmacy',
];

const COMPANY_SUFFIXES = ['', '', '', ' Inc.', ' LLC', ' Ltd', ' GmbH', ' Co.', ' Group', ' B.V.', ' Pty Ltd'];

const PLANS = ['Starter', 'Team', 'Business', 'Enterprise'];
const PLAN_PRICES = { Starter: 12, Team: 29, Business: 59, Enterprise: 95 };

const BROWSERS = ['Chrome 129', 'Chrome 130', 'Firefox 131', 'Safari 18', 'Edge 129', 'Edge 130'];
const OSES = ['Windows 11', 'Windows 10', 'macOS 15', 'macOS 14', 'Ubuntu 24.04', 'iOS 18', 'Android 15', 'ChromeOS'];
const REGIONS = ['US-East', 'US-West', 'EU-West', 'EU-Central', 'UK-South', 'AP-Southeast', 'AU-East'];
const WHEN = [
  'this morning', 'since yesterday', 'since about an hour ago', 'since Monday', 'two days ago',
  'after last night\'s update', 'since the weekend', 'earlier today', 'for the past week', 'since the last release',
];
const DURATIONS = ['about 10 minutes', 'roughly 20 minutes', 'over half an hour', 'more than an hour', 'about 45 minutes', 'two hours'];

// Product catalogue: each ticket is about one of these. Error messages are templates too.
const PRODUCTS = {
  'Contoso Pay': {
    weight: 22,
    features: ['invoice reminders', 'payment links', 'recurring invoices', 'payouts', 'tax rates', 'the customer portal', 'credit notes', 'multi-currency pricing', 'dunning emails', 'the payments dashboard'],
    errors: [
      '"PAY-4021: card authorization declined by issuer"',
      '"Payout failed: destination bank account not verified"',
      '"Invoice {invoiceRef} could not be finalized (PAY-1107)"',
      '"Tax calculation service unavailable (PAY-503)"',
      '"Currency mismatch between price and customer (PAY-2210)"',
      '"Webhook signature verification failed"',
    ],
    integrations: ['QuickBooks export', 'Xero sync', 'the Stripe import tool', 'the accounting CSV export', 'the NetSuite connector'],
    objects: ['invoice', 'payment link', 'payout', 'credit note', 'subscription'],
  },
  'Contoso Desk': {
    weight: 28,
    features: ['macros', 'SLA policies', 'the shared inbox', 'canned responses', 'ticket views', 'the satisfaction survey', 'auto-assignment rules', 'the agent mobile app', 'the help center', 'ticket merging'],
    errors: [
      '"Macro execution failed (DESK-311)"',
      '"Unable to load conversation: request {reqid} timed out"',
      '"SLA timer could not be started for ticket #{n5}"',
      '"Attachment upload failed: 413 Payload Too Large"',
      '"You do not have permission to view this view (DESK-403)"',
      '"Email channel disconnected: mailbox authentication expired"',
    ],
    integrations: ['the Slack integration', 'the Jira sync', 'the email forwarding setup', 'the Teams app', 'the CRM sidebar'],
    objects: ['ticket', 'macro', 'view', 'trigger', 'saved reply'],
  },
  'Contoso Sync': {
    weight: 20,
    features: ['the Postgres connector', 'scheduled syncs', 'field mappings', 'the SFTP connector', 'incremental loads', 'the S3 destination', 'the transformation editor', 'sync alerts', 'the MySQL connector', 'the REST API source'],
    errors: [
      '"SYNC-504: upstream source timed out after 300s"',
      '"Schema drift detected in table orders: column discount_code missing"',
      '"Connector credentials rejected (SYNC-401)"',
      '"Row count mismatch: expected {n5}, loaded {n4}"',
      '"Job {reqid} stuck in QUEUED state"',
      '"Destination write failed: duplicate key value violates unique constraint"',
    ],
    integrations: ['the Snowflake destination', 'the BigQuery destination', 'the Postgres source', 'the webhook trigger', 'the dbt hand-off'],
    objects: ['pipeline', 'connector', 'sync job', 'mapping', 'destination'],
  },
  'Contoso Insights': {
    weight: 18,
    features: ['dashboards', 'scheduled reports', 'CSV export', 'row-level permissions', 'the SQL editor', 'embedded charts', 'KPI alerts', 'the forecasting widget', 'shared links', 'custom metrics'],
    errors: [
      '"Query exceeded the 30s limit (INS-408)"',
      '"Dashboard failed to render: widget \'Revenue by region\' returned no data"',
      '"Export failed: result set larger than 1,000,000 rows"',
      '"Data source refresh error: credentials expired"',
      '"Unexpected token in expression at position {n2}"',
      '"Chart could not be drawn (INS-500, request {reqid})"',
    ],
    integrations: ['the Contoso Sync data source', 'the Google Sheets connector', 'the Snowflake data source', 'the PowerPoint export', 'the Slack report delivery'],
    objects: ['dashboard', 'report', 'metric', 'chart', 'data source'],
  },
  'Contoso Forms': {
    weight: 12,
    features: ['conditional logic', 'file uploads', 'webhooks', 'form themes', 'payment fields', 'the submissions table', 'e-signature fields', 'multi-page forms', 'response notifications', 'prefilled links'],
    errors: [
      '"Webhook delivery failed with HTTP 410 Gone"',
      '"File upload exceeds the 25 MB limit"',
      '"Submission could not be saved (FORMS-500, ref {reqid})"',
      '"reCAPTCHA validation failed"',
      '"Form is not accepting responses"',
      '"Invalid value for field \'Postal code\'"',
    ],
    integrations: ['the Google Drive upload', 'the Zapier trigger', 'the Contoso Desk hand-off', 'the Mailchimp sync', 'the webhook endpoint'],
    objects: ['form', 'submission', 'webhook', 'theme', 'field'],
  },
};
const PRODUCT_NAMES = Object.keys(PRODUCTS);

// Widespread incidents: most outage tickets cluster in these windows (UTC), all about one product.
const INCIDENTS = [
  { product: 'Contoso Sync', start: '2026-10-07T14:05:00Z', minutes: 95, region: 'US-East' },
  { product: 'Contoso Pay', start: '2026-10-19T09:10:00Z', minutes: 110, region: 'EU-West' },
  { product: 'Contoso Insights', start: '2026-10-28T17:40:00Z', minutes: 80, region: 'US-West' },
  { product: 'Contoso Desk', start: '2026-10-13T22:15:00Z', minutes: 45, region: 'AP-Southeast' },
];

// ---------------------------------------------------------------------------------------------------
// Categories. Every category has pools of sentences:
//   subjects  - ticket subject lines
//   leads     - the opening statement of the problem (never contains the category word)
//   details   - supporting detail (never contains the category word)
//   keyword   - sentences that DO contain the category word (used in ~60% of tickets)
//   asks      - what the customer wants (never contains the category word)
//   long      - long, wordy context sentences used for the ~120-word tickets
// Placeholders like {product} are filled per ticket; a placeholder keeps its value within one ticket.
// ---------------------------------------------------------------------------------------------------

const CATEGORIES = {
  billing: {
    weight: 18,
    keywordPattern: /\bbilling\b/i,
    subjects: [
      'Charged twice for {month} invoice', 'Invoice {invoice} amount looks wrong', 'Question about our last invoice',
      'Billing question for {company}', 'Need a VAT number on invoices', 'Unexpected charge of {amount}',
      'Card declined but plan still active?', 'Refund request for {invoice}', 'Seats billed after removal',
      'Wrong plan on invoice', 'Update payment method', 'Billing contact change', 'Proration looks off',
      'Overcharged after upgrade', 'Need receipt for {order}', 'Annual renewal amount higher than quoted',
    ],
    leads: [
      'We were charged {amount} twice this month for the same {plan} subscription.',
      'Our latest invoice ({invoice}) shows {seats} seats, but we only have {seats2} active users.',
      'The card ending in {last4} was charged {amount} on the 1st even though we downgraded to {otherPlan} last week.',
      'I need a copy of invoice {invoice} with our company VAT number on it for our accounts team.',
      'We upgraded from {otherPlan} to {plan} mid-month and the prorated charge of {amount} does not match your pricing page.',
      'Our annual renewal came through at {amount}, which is higher than the {amount2} we were quoted by your sales rep.',
      'There is a charge of {amount} on our statement labelled "Contoso Cloud" that nobody here recognizes.',
      'Payment for order {order} failed and now the account shows a past-due banner.',
      'We removed {count} users on the first of the month but the invoice still charges for them.',
      'Our finance team needs invoices addressed to a different legal entity going forward.',
      'The receipt for order {order} shows the wrong currency; we are set up to pay in EUR.',
      'We paid invoice {invoice} by bank transfer on the 3rd but it still shows as unpaid.',
    ],
    details: [
      'The {plan} plan is listed at ${planPrice} per seat, so the math does not add up.',
      'I have attached a screenshot of the invoice and our card statement.',
      'Our PO number {po} also needs to appear on every invoice, otherwise finance rejects it.',
      'This is the second month in a row this has happened.',
      'The duplicate charge posted on the same day, a few minutes apart.',
      'We are on annual terms, so I did not expect a monthly charge at all.',
      'Our accounts payable contact is {user2} ({email2}) if you need to confirm anything.',
      'Our bank reference for the transfer is {bankRef}.',
      'I checked the usage page and it lists {seats2} active members.',
      'The invoice PDF link in the email also returns an error when I open it.',
    ],
    keyword: [
      'I think something is off with our billing since the plan change.',
      'Our billing contact changed, so please send future invoices to {email2}.',
      'I could not find the right billing option in the admin settings, so I am writing in.',
      'Could someone from billing take a look at this?',
      'The billing page says we owe {amount}, which does not match the invoice.',
      'This looks like a billing error on your side rather than anything we changed.',
    ],
    asks: [
      'Please refund the duplicate charge.',
      'Can you issue a corrected invoice?',
      'Could you confirm what we should actually be paying?',
      'Please credit the difference to our account.',
      'Can you reverse the charge for the removed seats?',
      'Let me know if you need anything else from our side to sort this out.',
    ],
    long: [
      'Our finance team closes the books on the fifth business day of the month, and they cannot reconcile the card statement against your invoices until the numbers match exactly, including tax.',
      'We have been customers since {sinceYear}, we moved from {otherPlan} to {plan} to get the extra admin controls, and nobody mentioned that the change would reset our annual discount.',
      'For context, we have {seats} seats spread across three departments, each with its own cost center, and we rely on the invoice line items to split the charge between them.',
    ],
    priority: { urgent: 0.03, high: 0.22, medium: 0.55, low: 0.2 },
  },

  bug: {
    weight: 20,
    keywordPattern: /\bbugs?\b/i,
    subjects: [
      '{feature} not working', 'Error when saving {object}', 'Getting {errorShort} in {product}', 'Possible bug in {feature}',
      '{object} disappears after refresh', 'Export produces empty file', 'Page freezes on {browser}', 'Wrong timezone on {feature}',
      'Mobile app crashes on launch', 'Duplicate {object}s created', 'Search returns nothing', 'Filters reset randomly',
      'Broken layout in {feature}', 'Numbers don\'t match in {feature}', 'Bug: {feature} ignores settings', 'Unexpected error {errorShort}',
    ],
    leads: [
      'When I try to save a {object} in {feature}, I get {error}.',
      '{feature} stopped working for us {when}.',
      'Every time I open {feature} on {browser} the page freezes and I have to close the tab.',
      'Since version {version}, {feature} shows times in UTC instead of our account timezone.',
      'Changes to a {object} are lost after I refresh the page.',
      'The agent mobile app crashes immediately on launch on {os}.',
      '{integration} is creating duplicate records on every run.',
      'Exporting from {feature} gives us an empty file with only the header row.',
      'We keep getting {error} when using {feature}.',
      'The totals in {feature} do not match the numbers in the underlying data.',
      'Search in {product} returns no results for items we can see in the list.',
      'Filters on {feature} reset to the defaults every time I navigate away.',
    ],
    details: [
      'It happens on {browser} and {browser2}, on {os}.',
      'I cleared the cache and tried an incognito window with the same result.',
      'The request id shown in the console is {reqid}.',
      'It only affects some of our users; {user} can reproduce it every time.',
      'Steps: open {feature}, pick any {object}, change a field, click Save.',
      'We are on app version {version}.',
      'It worked fine until {when}.',
      'The browser console shows a 500 response from the API.',
      'I have attached a screen recording and a HAR file.',
      'It happens roughly {pct}% of the time, so it is hard to pin down.',
      'The same {object} works if I create it from scratch.',
    ],
    keyword: [
      'This looks like a bug to me, since nothing changed on our side.',
      'Is this a known bug?',
      'I am fairly sure this is a bug in the latest release.',
      'We found a workaround, but the bug is confusing our new hires.',
      'Reporting this as a bug because the documentation says it should work.',
      'Not sure if this is a bug or a misconfiguration on our end.',
    ],
    asks: [
      'Can you look into it?',
      'Is there a fix or workaround we can use in the meantime?',
      'Please let me know if you need more logs.',
      'Could you tell us when a fix is expected?',
      'Happy to jump on a call to reproduce it.',
    ],
    long: [
      'We tried it on three different machines, with two different user accounts, one of them a full admin, and the behaviour is identical, so I do not think it is a permissions or browser extension issue.',
      'Our team of {seats} relies on {feature} every day, and at the moment people are copying data by hand into a spreadsheet, which is slow and has already led to a couple of mistakes.',
      'I also noticed that the error appears more often in the afternoon, when more of our team is online, which makes me wonder whether it is load related rather than a problem with our data.',
    ],
    priority: { urgent: 0.06, high: 0.34, medium: 0.45, low: 0.15 },
  },

  feature_request: {
    weight: 10,
    keywordPattern: /\bfeature request\b/i,
    subjects: [
      'Suggestion: bulk edit for {object}s', 'Would love dark mode', 'Request: export {feature} to PDF', 'Any plans for SSO on {plan}?',
      'Idea for {feature}', 'Please add an API for {object}s', 'Feature request: custom fields', 'Support for more languages',
      'Allow scheduling {feature}', 'Can you add keyboard shortcuts?', 'Wishlist item for {product}', 'More granular permissions',
    ],
    leads: [
      'It would be great if we could bulk edit {object}s instead of changing them one at a time.',
      'Our team would love a dark mode in {product}.',
      'Is there any plan to support exporting {feature} to PDF?',
      'We would like SSO to be available on the {plan} plan, not only on Enterprise.',
      'Could you add an API endpoint for managing {object}s?',
      'We need custom fields on {object}s to track our internal project codes.',
      'Please consider adding Portuguese and Polish to the supported languages.',
      'It would save us hours if {feature} could run on a schedule.',
      'Keyboard shortcuts for the common actions in {feature} would speed our agents up a lot.',
      'We would like permissions that let someone view {feature} without being able to edit it.',
    ],
    details: [
      'Right now we work around it with a spreadsheet and {integration}.',
      'About {count} people on our team would use this daily.',
      'A competitor we evaluated has this, and it came up in our renewal discussion.',
      'Even a simple version would help.',
      'We would be happy to test an early version.',
      'This is a nice-to-have, not a blocker.',
      'Our admins currently spend a few hours each week doing this manually.',
    ],
    keyword: [
      'Consider this a feature request from the whole {company} team.',
      'Please log this as a feature request.',
      'I searched the community forum and could not find an existing feature request for this.',
      'Is there somewhere I can vote on this feature request?',
    ],
    asks: [
      'Is this on the roadmap?',
      'Let me know if you need more detail on our use case.',
      'Would love to hear whether this is planned.',
      'Thanks for considering it.',
    ],
    long: [
      'Our use case is that every {object} belongs to one of about forty internal projects, and at month end we need to report on them separately, which today means exporting everything and tagging rows by hand.',
      'We have been very happy with {product} overall since we started in {sinceYear}, and this is honestly the one thing our team asks about most in our internal retrospectives.',
    ],
    priority: { urgent: 0, high: 0.03, medium: 0.27, low: 0.7 },
  },

  account_access: {
    weight: 12,
    keywordPattern: /\baccount access\b/i,
    subjects: [
      'Can\'t log in', 'Locked out of my account', 'Password reset email not arriving', '2FA device lost',
      'SSO login loop', 'Account access for new admin', 'Invite link expired', 'User deactivated by mistake',
      'Login error {errorCode}', 'Need to transfer account ownership', 'MFA codes rejected', 'Unable to sign in after email change',
    ],
    leads: [
      'I cannot log in to {product}; it says my password is incorrect even after resetting it.',
      'I have been locked out after too many attempts and the lockout has not cleared.',
      'The password reset email never arrives; I checked spam and quarantine.',
      'I lost the phone with my authenticator app and cannot get past two-factor.',
      'Since we switched identity providers, SSO sends us in a redirect loop back to the sign-in page.',
      'Our only admin, {user}, left the company and nobody else can manage users.',
      'The invite link for our new hire {user} says it has expired.',
      'My colleague {user} was deactivated by mistake and lost access to everything.',
      'After changing my email address to {email}, I can no longer sign in.',
      'The two-factor codes from my authenticator are rejected as invalid.',
      'I get "Session expired" right after entering my credentials, every time.',
    ],
    details: [
      'The error says "Invalid credentials ({errorCode})".',
      'I am using {browser} on {os}.',
      'Other people on our team can log in fine.',
      'Our IT admin confirmed the SSO app is assigned to me.',
      'I already tried the reset link twice.',
      'My username is {email}.',
      'The clock on my phone is set automatically, so it should not be a time drift issue.',
      'We need this sorted before payroll runs on Friday.',
    ],
    keyword: [
      'Please restore my account access as soon as possible.',
      'How can we regain account access without the original admin?',
      'I have an account access problem that the self-service reset does not fix.',
      'Can you help with account access for {user}?',
    ],
    asks: [
      'Can you reset my two-factor setup?',
      'Please unlock my user.',
      'What do you need from us to verify ownership?',
      'Could you make {user2} an admin instead?',
      'Can you resend the invite?',
    ],
    long: [
      'I understand you need to verify that the request is legitimate, so I can send a letter on company letterhead, a copy of our latest invoice, or have our CFO email you from the address on file, whichever is easiest.',
      'I have tried the self-service flow from two different browsers, on the office network and on my home connection, and each time it ends on the same screen with no way forward.',
    ],
    priority: { urgent: 0.1, high: 0.45, medium: 0.35, low: 0.1 },
  },

  outage: {
    weight: 7,
    keywordPattern: /\boutage\b/i,
    subjects: [
      '{product} is down', 'Site not loading', 'URGENT: nothing works', 'Down for everyone in our office',
      '503 errors across {product}', 'Is there an outage?', 'All syncs failing', 'Service unavailable',
      'Cannot reach {product} at all', 'Complete outage in {region}?', 'Everything timing out',
    ],
    leads: [
      '{product} is completely down for us; every page returns a 503.',
      'Nobody on our team can load {product} right now.',
      'All of our {object}s started failing about {duration} ago.',
      'The app is timing out for everyone in our {region} office.',
      'We are getting "Service Unavailable" on every request to the API.',
      'Your status page says all systems operational, but {product} will not load for any of us.',
      'Since {time} UTC nothing in {product} works; the login page just spins.',
      'Every request to {feature} fails with {error}.',
    ],
    details: [
      'This is affecting all {seats} of our users.',
      'We tried different networks and devices, same result.',
      'Our customers are noticing too.',
      'We are in the {region} region.',
      'It has been going on for {duration}.',
      'The API returns HTTP 503 with request id {reqid}.',
      'None of our scheduled jobs have run since it started.',
    ],
    keyword: [
      'Is there an outage?',
      'This looks like a full outage on your side.',
      'Please confirm whether there is an outage and give us an ETA.',
      'This outage is costing us orders every minute.',
    ],
    asks: [
      'Please post an update as soon as you know more.',
      'When will service be restored?',
      'Please escalate this.',
      'Can someone call us back right away?',
    ],
    long: [
      'We run our entire customer operation on {product}, so while it is unreachable our team of {seats} is sitting idle, our customers cannot reach us, and we have no way of telling how long it will last.',
    ],
    priority: { urgent: 0.7, high: 0.28, medium: 0.02, low: 0 },
  },

  how_to: {
    weight: 16,
    keywordPattern: /\bhow[- ]to\b/i,
    subjects: [
      'How do I set up {feature}?', 'Question about {feature}', 'Where is the export button?', 'Adding a new user',
      'Connecting {integration}', 'Help configuring {feature}', 'Change default timezone?', 'Recurring reports question',
      'Best way to import our data', 'Using {feature} with {integration}', 'Can I rename a {object}?', 'How-to question: {feature}',
    ],
    leads: [
      'How do I set up {feature} for our team?',
      'Is there a way to export all {object}s at once?',
      'Where do I change the default timezone for the workspace?',
      'We just started on the {plan} plan and want to connect {integration}.',
      'What is the right way to import about {n4} {object}s from a spreadsheet?',
      'Can I rename a {object} without breaking the links people already have?',
      'I am trying to figure out whether {feature} can send a summary every Monday.',
      'How do I add a new user and give them read-only rights?',
      'We want {feature} to behave differently for two of our teams; is that possible?',
      'Is it possible to duplicate a {object} along with its settings?',
      'What does the "{featureLabel}" toggle actually do in {feature}?',
    ],
    details: [
      'I looked in the help center but the screenshots do not match what I see.',
      'We are on the {plan} plan, if that matters.',
      'I am the admin for our workspace.',
      'Our team is about {seats} people.',
      'We are new to {product}, so apologies if this is obvious.',
      'I could not find it under Settings.',
      'The article I found seems to be for an older version.',
    ],
    keyword: [
      'Is there a how-to guide for this?',
      'I could not work out how to do this from the docs.',
      'A short how-to or video would be perfect.',
      'I am not sure how to get started with this.',
    ],
    asks: [
      'Any pointers appreciated.',
      'Thanks in advance!',
      'A link to the right article would be great.',
      'Could you walk me through it?',
    ],
    long: [
      'We are rolling {product} out to the rest of the company next month, so I want to get the configuration right now rather than having to change it later when {seats} people are already relying on it.',
      'I did try following the guide, but at the step where it asks to choose a workspace the dropdown is empty for me, so I am probably missing a setup step that happens earlier.',
    ],
    priority: { urgent: 0, high: 0.04, medium: 0.36, low: 0.6 },
  },

  cancellation: {
    weight: 7,
    keywordPattern: /\bcancel(?:s|led|ling|lation)?\b/i,
    subjects: [
      'Please close our account', 'Not renewing', 'Cancellation request', 'Downgrade to free', 'End of contract',
      'Stop auto-renewal', 'Closing our {product} subscription', 'Request to terminate', 'Moving to another tool',
      'Cancel subscription for {company}',
    ],
    leads: [
      'We have decided not to renew our {product} subscription when it ends this month.',
      'Please close our account and stop all future charges.',
      'We would like to turn off auto-renewal on our {plan} plan.',
      'Our company is winding down this department, so we no longer need {product}.',
      'We are moving to a different tool and want to end our subscription.',
      'Please downgrade us to the free tier at the end of the current term.',
      'We will not be continuing with {product} after our trial of the {plan} plan.',
      'Please terminate our contract effective at the end of the billing period.',
    ],
    details: [
      'Before you close it, we need an export of all our {object}s.',
      'Our renewal date is the 30th.',
      'The price increase on {plan} made it hard to justify.',
      'We mostly used {feature}, and it did not fit our workflow in the end.',
      'Please confirm in writing that no further charges will be made.',
      'We have {seats} seats on the account.',
      'Our contract number is {contract}.',
    ],
    keyword: [
      'Please treat this as our formal cancellation notice.',
      'How do we cancel without losing our data?',
      'I could not find a cancel button anywhere in the admin area.',
      'Please confirm the cancellation and the final invoice amount.',
    ],
    asks: [
      'What are the next steps?',
      'Please confirm once done.',
      'Is any refund due for the unused months?',
      'Let us know if you need anything signed.',
    ],
    long: [
      'To be clear, this is not about your support team, who have always been helpful; our leadership consolidated tools after the acquisition and {product} overlaps with something the parent company already pays for.',
    ],
    priority: { urgent: 0.02, high: 0.18, medium: 0.55, low: 0.25 },
  },

  other: {
    weight: 10,
    keywordPattern: /\bother\b/i,
    subjects: [
      'Security questionnaire', 'Partnership inquiry', 'Thank you!', 'Request for SOC 2 report', 'Press inquiry',
      'Vendor registration form', 'Webinar recording', 'Case study opportunity', 'Reseller question', 'Data processing agreement',
      'General question', 'Feedback on onboarding call',
    ],
    leads: [
      'Our procurement team needs a completed security questionnaire before we can sign.',
      'We are a consultancy and would like to discuss becoming a reseller of {product}.',
      'Just wanted to say thanks to {agent} for the great help last week.',
      'Could you send us a copy of your latest SOC 2 Type II report?',
      'I am writing an article about support tooling and would like to interview someone from your team.',
      'Your company needs to be registered in our vendor portal before we can pay you.',
      'Is the recording of last week\'s webinar on {feature} available somewhere?',
      'We would be open to being featured in a customer case study.',
      'We need a signed data processing agreement for our legal file.',
      'Does {product} have an office or data center in Canada?',
      'The onboarding call with {agent} was really useful, and I had a couple of follow-up thoughts.',
    ],
    details: [
      'Our legal contact is {user2} ({email2}).',
      'The deadline on our side is the end of the month.',
      'I have attached the form we need filled in.',
      'No rush on this.',
      'We have been using {product} since {sinceYear}.',
      'Happy to jump on a short call if that is easier.',
    ],
    keyword: [
      'This is not a technical issue, so I chose "Other" on the form.',
      'Not sure who handles this, so filing it under other.',
      'I did not see a better option on the form, so I picked other.',
    ],
    asks: [
      'Who would be the right person to talk to?',
      'Please forward this to the right team.',
      'Thanks in advance.',
      'Let me know what you need from us.',
    ],
    long: [
      'We are a regulated business, so our auditors want to see evidence for every vendor that handles customer data, including where it is stored, who can access it, and how long it is retained after a contract ends.',
    ],
    priority: { urgent: 0, high: 0.05, medium: 0.3, low: 0.65 },
  },
};
const CATEGORY_NAMES = Object.keys(CATEGORIES);

// Sentences that hint at priority. They never contain a category word.
const URGENCY_SENTENCES = {
  urgent: [
    'This is urgent: our whole team is blocked.',
    'We are losing revenue every hour this continues.',
    'Our customers are affected right now, please treat this as top priority.',
    'URGENT, we have a launch today.',
  ],
  high: [
    'This is blocking part of our team, so a quick reply would help.',
    'We need this resolved before our month-end close.',
    'Several people here cannot do their work until this is sorted.',
    'Please prioritize this if you can.',
  ],
  medium: [
    'It would be good to get this sorted this week.',
    'We can live with it for a few days.',
  ],
  low: [
    'No rush on this.',
    'Whenever you get a chance.',
    'Not urgent at all, just curious.',
  ],
};

const GREETINGS = {
  email: ['Hello,', 'Hi team,', 'Hi support,', 'Good morning,', 'Hi there,', 'Dear Contoso support,'],
  chat: ['hi,', 'hey there,', 'hello!', 'hi team,'],
  web: [],
  phone: ['Call notes:', 'Phone call summary:', 'Customer called in.'],
};
const SIGNOFFS = ['Thanks,', 'Best regards,', 'Kind regards,', 'Cheers,', 'Thank you,', 'Many thanks,'];
const ROLES = ['Office Manager', 'IT Admin', 'Operations Lead', 'Finance Manager', 'Support Lead', 'CTO', 'Head of Operations', 'Data Engineer', 'Controller', 'Customer Success Manager'];
const AGENTS = ['Sam from your team', 'Leah on your support team', 'Marcus', 'Ana from onboarding', 'your agent Theo'];
const FEATURE_LABELS = ['Strict mode', 'Inherit defaults', 'Auto-archive', 'Compact view', 'Shadow copy', 'Round-robin'];

// ---------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------

function buildCustomers(r, n) {
  const seen = new Set();
  const customers = [];
  while (customers.length < n) {
    const name = `${r.pick(COMPANY_PREFIXES)} ${r.pick(COMPANY_NOUNS)}${r.pick(COMPANY_SUFFIXES)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const slug = name.toLowerCase().replace(/&/g, 'and').replace(/\b(inc|llc|ltd|gmbh|co|group|b\.v|pty)\.?/g, '').replace(/[^a-z0-9]+/g, '');
    customers.push({ name, domain: `${slug}.example`, plan: r.weighted([['Starter', 30], ['Team', 35], ['Business', 25], ['Enterprise', 10]]) });
  }
  return customers;
}

function fakePerson(r) {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

function emailFor(name, domain) {
  const [first, last] = name.toLowerCase().split(' ');
  return `${first}.${last}@${domain}`.replace(/[^a-z0-9.@]/g, '');
}

function money(r, min, max) {
  const cents = r.int(min * 100, max * 100);
  const dollars = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/** Per-ticket placeholder values: computed on first use, stable within the ticket. */
function makeContext(r, ticket) {
  const product = PRODUCTS[ticket.product];
  const otherPlan = r.pick(PLANS.filter((p) => p !== ticket.plan));
  const values = new Map();
  const generators = {
    product: () => ticket.product,
    company: () => ticket.customer.name,
    plan: () => ticket.plan,
    otherPlan: () => otherPlan,
    planPrice: () => String(PLAN_PRICES[ticket.plan]),
    feature: () => r.pick(product.features),
    featureLabel: () => r.pick(FEATURE_LABELS),
    integration: () => r.pick(product.integrations),
    object: () => r.pick(product.objects),
    error: () => fill(r, r.pick(product.errors), get),
    errorShort: () => {
      const message = get('error').replace(/^"|"$/g, '');
      const code = message.match(/\b[A-Z]{3,6}-\d{3,4}\b/);
      return code ? code[0] : `"${message.split(':')[0]}"`;
    },
    errorCode: () => `AUTH-${r.int(100, 499)}`,
    invoice: () => `INV-2026-${r.digits(6)}`,
    invoiceRef: () => get('invoice'),
    order: () => `ORD-${r.int(10000, 999999)}`,
    po: () => `PO-${r.digits(5)}`,
    contract: () => `CT-${r.int(2021, 2026)}-${r.digits(4)}`,
    bankRef: () => `TRF${r.digits(10)}`,
    amount: () => money(r, 40, 9000),
    amount2: () => money(r, 40, 9000),
    last4: () => r.digits(4),
    seats: () => String(r.weighted([[r.int(2, 15), 5], [r.int(16, 80), 4], [r.int(81, 600), 2]])),
    seats2: () => String(Math.max(1, Number(get('seats')) - r.int(1, 12))),
    count: () => String(r.int(2, 40)),
    pct: () => String(r.pick([5, 10, 20, 25, 30, 50, 70])),
    n2: () => String(r.int(2, 99)),
    n4: () => String(r.int(1000, 9999)),
    n5: () => String(r.int(10000, 99999)),
    user: () => fakePerson(r),
    user2: () => fakePerson(r),
    email: () => emailFor(get('user'), ticket.customer.domain),
    email2: () => emailFor(get('user2'), ticket.customer.domain),
    agent: () => r.pick(AGENTS),
    browser: () => r.pick(BROWSERS),
    browser2: () => r.pick(BROWSERS.filter((b) => b.split(' ')[0] !== get('browser').split(' ')[0])),
    os: () => r.pick(OSES),
    version: () => `${r.int(3, 5)}.${r.int(0, 24)}.${r.int(0, 9)}`,
    reqid: () => `${r.hex(8)}-${r.hex(4)}`,
    region: () => ticket.region ?? r.pick(REGIONS),
    when: () => r.pick(WHEN),
    duration: () => r.pick(DURATIONS),
    time: () => isoSeconds(ticket.createdMs - r.int(5, 40) * 60000).slice(11, 16),
    month: () => r.pick(['September', 'October']),
    sinceYear: () => String(r.int(2018, 2025)),
  };
  function get(name) {
    if (!values.has(name)) {
      const generator = generators[name];
      if (!generator) throw new Error(`unknown placeholder {${name}}`);
      values.set(name, generator());
    }
    return values.get(name);
  }
  return get;
}

function fill(r, template, get) {
  return template
    .replace(/\{([a-zA-Z0-9]+)\}/g, (_, name) => get(name))
    .replace(/\b([Aa]) (?=[aeioAEIO])/g, '$1n '); // "a invoice" -> "an invoice"
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Chooses the sentences for one body: 2-5 sentences, or a long ~120-word ticket. */
function composeBody(r, ticket, category, get) {
  const long = r.chance(0.1);
  const sentenceCount = long ? 5 : r.weighted([[2, 22], [3, 36], [4, 28], [5, 14]]);
  const includeKeyword = r.chance(0.6);
  const urgencyRoll = r.chance(ticket.priorityHintRate);

  // Candidates for the middle of the body, most important first: the category word, the long context
  // sentences, a priority hint, then ordinary details.
  const candidates = [];
  if (includeKeyword) candidates.push(r.pick(category.keyword));
  if (long) candidates.push(...r.sample(category.long, 2));
  if (urgencyRoll) candidates.push(r.pick(URGENCY_SENTENCES[ticket.priorityHint]));
  candidates.push(...r.sample(category.details, 5));

  // Lead sentence, then the middle, then (maybe) an ask to close.
  const wantsAsk = sentenceCount >= 3 ? r.chance(0.6) : r.chance(0.25);
  const middle = candidates.slice(0, sentenceCount - 1 - (wantsAsk ? 1 : 0));
  // Shuffle the middle so keyword and priority sentences are not always in the same place.
  for (let i = middle.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [middle[i], middle[j]] = [middle[j], middle[i]];
  }
  const sentences = [r.pick(category.leads), ...middle];
  if (wantsAsk) sentences.push(r.pick(category.asks));
  let body = sentences.map((s) => capitalize(fill(r, s, get))).join(' ');

  if (ticket.channel === 'chat' && r.chance(0.35)) {
    // Chat messages are often typed casually.
    body = body.replace(/(^|[.?!] )([A-Z])(?=[a-z])/g, (m, p, c) => p + c.toLowerCase()).replace(/\.$/, '');
  }

  const greetings = GREETINGS[ticket.channel];
  if (greetings.length > 0 && r.chance(ticket.channel === 'phone' ? 0.8 : 0.55)) {
    body = `${r.pick(greetings)} ${body}`;
  }
  if (ticket.channel === 'email' && r.chance(0.6)) {
    const signer = fakePerson(r);
    body += r.chance(0.5)
      ? ` ${r.pick(SIGNOFFS)} ${signer.split(' ')[0]}`
      : ` ${r.pick(SIGNOFFS)} ${signer}, ${r.pick(ROLES)}, ${ticket.customer.name}`;
  }
  return { body, hasKeyword: category.keywordPattern.test(body), long };
}

function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const OCT_START = Date.parse('2026-10-01T00:00:00Z');
const OCT_END = Date.parse('2026-11-01T00:00:00Z');

/** A created-at time in October 2026, weighted toward weekday business hours (EU and US). */
function randomTimestamp(r) {
  for (;;) {
    const day = r.int(0, 30);
    const date = new Date(OCT_START + day * 86400000);
    const weekday = date.getUTCDay();
    if ((weekday === 0 || weekday === 6) && !r.chance(0.3)) continue;
    const hour = r.weighted([
      [r.int(0, 6), 6], [r.int(7, 12), 30], [r.int(13, 21), 52], [r.int(22, 23), 12],
    ]);
    const ms = OCT_START + day * 86400000 + hour * 3600000 + r.int(0, 3599) * 1000;
    if (ms < OCT_END) return ms;
  }
}

function generate(options) {
  const r = makeRandom(options.seed);
  const customers = buildCustomers(r, 320);
  const productEntries = PRODUCT_NAMES.map((name) => [name, PRODUCTS[name].weight]);
  const categoryEntries = CATEGORY_NAMES.map((name) => [name, CATEGORIES[name].weight]);
  const channelEntries = [['email', 40], ['web', 30], ['chat', 20], ['phone', 10]];
  const outageChannelEntries = [['chat', 35], ['phone', 25], ['email', 20], ['web', 20]];

  const drafts = [];
  for (let i = 0; i < options.count; i++) {
    const categoryName = r.weighted(categoryEntries);
    const category = CATEGORIES[categoryName];
    // A skewed pick: a few customers file many tickets, most file one or two.
    const customer = customers[Math.floor(customers.length * r.next() ** 2)];
    let product = r.weighted(productEntries);
    let createdMs;
    let region;
    if (categoryName === 'outage' && r.chance(0.75)) {
      const incident = r.pick(INCIDENTS);
      product = incident.product;
      region = r.chance(0.7) ? incident.region : undefined;
      createdMs = Date.parse(incident.start) + r.int(0, incident.minutes * 60) * 1000;
    } else {
      createdMs = randomTimestamp(r);
    }
    const channel = r.weighted(categoryName === 'outage' ? outageChannelEntries : channelEntries);
    const plan = r.chance(0.85) ? customer.plan : r.pick(PLANS);
    const priorityHint = r.weighted(Object.entries(category.priority));
    drafts.push({
      categoryName, customer, product, createdMs, region, channel, plan, priorityHint,
      priorityHintRate: priorityHint === 'medium' ? 0.2 : 0.5,
    });
  }

  // Ticket ids follow creation time, as a real help desk would number them.
  drafts.sort((a, b) => a.createdMs - b.createdMs);

  const tickets = [];
  const stats = { categories: {}, keyword: 0, long: 0, words: [] };
  drafts.forEach((draft, index) => {
    const category = CATEGORIES[draft.categoryName];
    const ticket = { ...draft, createdAt: isoSeconds(draft.createdMs) };
    const get = makeContext(r, ticket);
    const subject = capitalize(fill(r, r.pick(category.subjects), get));
    const { body, hasKeyword, long } = composeBody(r, ticket, category, get);
    tickets.push({
      id: `T-${String(index + 1).padStart(6, '0')}`,
      subject,
      body,
      customer: draft.customer.name,
      channel: draft.channel,
      createdAt: ticket.createdAt,
      product: draft.product,
    });
    stats.categories[draft.categoryName] = (stats.categories[draft.categoryName] ?? 0) + 1;
    if (hasKeyword) stats.keyword++;
    if (long) stats.long++;
    stats.words.push(wordCount(body));
  });
  return { tickets, stats };
}

function toJsonl(records) {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const { tickets, stats } = generate(options);

  const full = toJsonl(tickets);
  const small = toJsonl(tickets.slice(0, options.smallCount));
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, full);
  if (options.smallCount > 0) {
    mkdirSync(dirname(options.smallOut), { recursive: true });
    writeFileSync(options.smallOut, small);
  }

  const words = stats.words.slice().sort((a, b) => a - b);
  const summary = [
    `wrote ${tickets.length} tickets to ${options.out} (${Buffer.byteLength(full)} bytes)`,
    options.smallCount > 0 ? `wrote ${Math.min(options.smallCount, tickets.length)} tickets to ${options.smallOut} (${Buffer.byteLength(small)} bytes)` : null,
    `seed ${options.seed}; body words min ${words[0]}, median ${words[Math.floor(words.length / 2)]}, max ${words[words.length - 1]}; long tickets ${stats.long}`,
    `category word present in body: ${stats.keyword} (${((100 * stats.keyword) / tickets.length).toFixed(1)}%)`,
    'underlying categories (not written to the data):',
    ...CATEGORY_NAMES.map((name) => `  ${name.padEnd(16)} ${String(stats.categories[name] ?? 0).padStart(5)}`),
  ].filter(Boolean);
  console.log(summary.join('\n'));
}

main();
