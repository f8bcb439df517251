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
const OSES = ['Windows 11', 'Windows 10', 'macOS 15', 'macOS 14', 'Ubuntu 24.04', 'ChromeOS'];
const MOBILE_OSES = ['iOS 18', 'iOS 17', 'Android 15', 'Android 14'];
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
    screens: ['the invoices list', 'the payments dashboard', 'the payouts report', 'the customer list', 'the revenue summary'],
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
    screens: ['the ticket list', 'the agent activity report', 'the SLA report', 'the customer list', 'the satisfaction report'],
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
    screens: ['the run history', 'the sync logs', 'the pipeline overview', 'the usage report', 'the row count summary'],
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
    screens: ['the sales dashboard', 'the weekly KPI report', 'the cohort report', 'the finance dashboard', 'the usage dashboard'],
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
    screens: ['the submissions table', 'form analytics', 'the responses summary', 'the drop-off report', 'the forms list'],
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
//   subjects  - generic subject lines that fit any ticket of the category
//   leads     - [opening statement of the problem, ...subject lines that fit it, optional extras]; the
//               opening statement never contains the category word. Extras tailor the rest of the body to
//               that opening: { details, asks, long, genericDetails: false }.
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
      'Billing question', 'Question about our invoice', 'Invoice issue - {company}', 'Problem with a charge',
      'Account billing', 'Please check our invoice',
    ],
    // [lead sentence, ...subjects that fit it]
    leads: [
      ['We were charged {amount} twice this month for the same {plan} subscription.', 'Charged twice this month', 'Duplicate charge of {amount}', 'Double charge on our card',
        { details: ['The duplicate charge posted on the same day, a few minutes apart.', 'This is the second month in a row this has happened.'], asks: ['Please refund the duplicate charge.', 'Can you refund one of the two charges?'] }],
      ['Our latest invoice ({invoice}) shows {seats} seats, but we only have {seats2} active users.', 'Invoice {invoice} seat count wrong', 'Billed for too many seats',
        { details: ['I checked the usage page and it lists {seats2} active members.', 'The {plan} plan is listed at ${planPrice} per seat, so the math does not add up.'], asks: ['Can you issue a corrected invoice?', 'Please credit the difference to our account.'] }],
      ['The card ending in {last4} was charged {amount} on the 1st even though we downgraded to {lowerPlan} last week.', 'Charged full price after downgrade', 'Downgrade not reflected on invoice',
        { details: ['The downgrade confirmation email arrived on the 24th.', 'The new plan is a lot cheaper, so the amount is clearly the old price.'], asks: ['Please refund the difference.', 'Can you issue a corrected invoice?'] }],
      ['I need a copy of invoice {invoice} with our company VAT number on it for our accounts team.', 'Need a VAT number on invoices', 'Invoice {invoice} - VAT number missing'],
      ['We upgraded from {lowerPlan} to {plan} mid-month and the prorated charge of {amount} does not match your pricing page.', 'Proration looks off', 'Overcharged after upgrade',
        { details: ['The {plan} plan is listed at ${planPrice} per seat, so the math does not add up.'], asks: ['Please credit the difference to our account.', 'Could you explain how the proration was calculated?'] }],
      ['Our annual renewal came through at {amount}, which is higher than the {amount2} we were quoted by your sales rep.', 'Renewal amount higher than quoted', 'Annual renewal price'],
      ['There is a charge of {amount} on our statement labelled "Contoso Cloud" that nobody here recognizes.', 'Unexpected charge of {amount}', 'Unrecognized charge',
        { details: ['We are on annual terms, so I did not expect a monthly charge at all.'], asks: ['Could you tell us what this charge is for?'] }],
      ['Payment for order {order} failed and now the account shows a past-due banner.', 'Card declined - account past due?', 'Past-due banner after failed payment',
        { details: ['The card has plenty of credit and works everywhere else.'], asks: ['Can you retry the payment?', 'Will the account be suspended if this is not fixed today?'] }],
      ['We removed {count} users on the first of the month but the invoice still charges for them.', 'Seats billed after removal', 'Still charged for removed users',
        { details: ['I checked the usage page and it lists {seats2} active members.', 'This is the second month in a row this has happened.'], asks: ['Can you reverse the charge for the removed seats?'] }],
      ['Our finance team needs invoices addressed to a different legal entity going forward.', 'Change legal entity on invoices', 'Invoice address change'],
      ['The receipt for order {order} shows the wrong currency; we are set up to pay in EUR.', 'Wrong currency on receipt {order}', 'Receipt in USD instead of EUR'],
      ['We paid invoice {invoice} by bank transfer on the 3rd but it still shows as unpaid.', 'Invoice {invoice} still shows unpaid', 'Bank transfer not applied',
        { details: ['Our bank reference for the transfer is {bankRef}.'], asks: ['Please mark the invoice as paid.'] }],
      ['Please switch our payment method to the new company card ending in {last4}.', 'Update payment method', 'New card for our subscription'],
    ],
    details: [
      'I have attached a screenshot of the invoice and our card statement.',
      'Our PO number {po} also needs to appear on every invoice, otherwise finance rejects it.',
      'Our accounts payable contact is {user2} ({email2}) if you need to confirm anything.',
      'We are on the {plan} plan with {seats} seats.',
      'Our finance team flagged this during the monthly reconciliation.',
      'The invoice PDF link in the email also returns an error when I open it.',
    ],
    keyword: [
      'I think something is off with our billing.',
      'Our billing contact changed, so please send future invoices to {email2}.',
      'I could not find the right billing option in the admin settings, so I am writing in.',
      'Could someone from billing take a look at this?',
      'Our billing admin asked me to raise this with you.',
    ],
    asks: [
      'Please let me know once this is sorted.',
      'Can you look into this before the next invoice goes out?',
      'Let me know if you need anything else from our side to sort this out.',
      'Please confirm by email so I can forward it to finance.',
    ],
    long: [
      'Our finance team closes the books on the fifth business day of the month, and they cannot reconcile the card statement against your invoices until the numbers match exactly, including tax.',
      'We have been customers since {sinceYear}, we moved from {lowerPlan} to {plan} to get the extra admin controls, and nobody mentioned that the change would reset our annual discount.',
      'For context, we have {seats} seats spread across three departments, each with its own cost center, and we rely on the invoice line items to split the charge between them.',
    ],
    priority: { urgent: 0.03, high: 0.22, medium: 0.55, low: 0.2 },
  },

  bug: {
    weight: 20,
    keywordPattern: /\bbugs?\b/i,
    subjects: [
      'Problem with {product}', 'Something is broken in {feature}', 'Error in {product}', 'Issue with {feature}',
      'Possible bug', '{product} not behaving as expected',
    ],
    leads: [
      ['When I try to save a {object} in {feature}, I get {error}.', 'Error when saving {object}', 'Getting {errorShort} in {product}', 'Cannot save {object}',
        { details: ['Steps: open {feature}, pick any {object}, change a field, click Save.', 'The same {object} works if I create it from scratch.'] }],
      ['{feature} stopped working for us {when}.', '{feature} not working', '{feature} broken since update'],
      ['Every time I open {screen} on {browser} the page freezes and I have to close the tab.', 'Page freezes on {browser}', '{screen} hangs the browser',
        { details: ['I cleared the cache and tried an incognito window with the same result.', 'It happens on {browser} and {browser2}, on {os}.'] }],
      ['Since version {version}, {screen} shows times in UTC instead of our account timezone.', 'Wrong timezone in {screen}', 'Timestamps off by several hours'],
      ['Changes to a {object} are lost after I refresh the page.', '{object} changes not saved', 'Edits disappear after refresh',
        { details: ['Steps: open any {object}, change a field, click Save, then reload the page.'] }],
      ['The {product} mobile app crashes immediately on launch on {mobileOs}.', 'Mobile app crashes on launch', 'App crash on {mobileOs}',
        { genericDetails: false, details: ['It started after updating to version {version} of the app.', 'Reinstalling the app did not help.', 'It happens on my phone and on {user}\'s phone.', 'The web version still works fine.'],
          long: ['A good part of our team works from the field and only uses the app, so right now they have no way to see or update anything until they get back to a laptop at the end of the day.'] }],
      ['{integration} is creating duplicate records on every run.', 'Duplicates created by {integration}', 'Duplicate records',
        { genericDetails: false, details: ['We now have about {n4} duplicates to clean up.', 'Nothing changed in our configuration before this started.', 'It started {when}.', 'The run log does not show any errors.'] }],
      ['Exporting from {screen} gives us an empty file with only the header row.', 'Export produces empty file', 'CSV export is empty'],
      ['We keep getting {error} when using {feature}.', 'Unexpected error {errorShort}', 'Recurring error in {feature}'],
      ['The totals in {screen} do not match the numbers in the underlying data.', 'Numbers don\'t match in {screen}', 'Totals are wrong'],
      ['Search in {product} returns no results for {object}s we can see in the list.', 'Search returns nothing', 'Search broken'],
      ['Filters on {screen} reset to the defaults every time I navigate away.', 'Filters reset randomly', 'Saved filters not sticking'],
      ['The layout of {screen} is broken on {browser}; buttons overlap and the Save button is hidden.', 'Broken layout in {screen}', 'UI elements overlapping'],
    ],
    details: [
      'The request id shown in the console is {reqid}.',
      'It only affects some of our users; {user} can reproduce it every time.',
      'We are on app version {version}.',
      'It worked fine until {when}.',
      'I am using {browser} on {os}.',
      'The browser console shows a 500 response from the API.',
      'I have attached a screen recording and a HAR file.',
      'It happens roughly {pct}% of the time, so it is hard to pin down.',
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
      'Suggestion', 'Idea for {product}', 'Wishlist item for {product}', 'Product feedback', 'Request for {product}',
    ],
    leads: [
      ['It would be great if we could bulk edit {object}s instead of changing them one at a time.', 'Suggestion: bulk edit for {object}s', 'Bulk editing'],
      ['Our team would love a dark mode in {product}.', 'Would love dark mode', 'Dark mode please'],
      ['Is there any plan to support exporting {screen} to PDF?', 'Request: export {screen} to PDF', 'PDF export'],
      ['We would like SSO to be available on the {plan} plan, not only on Enterprise.', 'Any plans for SSO on {plan}?', 'SSO for smaller plans'],
      ['Could you add an API endpoint for managing {object}s?', 'Please add an API for {object}s', 'API for {object}s'],
      ['We need custom fields on {object}s to track our internal project codes.', 'Feature request: custom fields', 'Custom fields on {object}s',
        { long: ['Our use case is that every {object} belongs to one of about forty internal projects, and at month end we need to report on them separately, which today means exporting everything and tagging rows by hand.'] }],
      ['Please consider adding Portuguese and Polish to the supported languages.', 'Support for more languages', 'Portuguese and Polish translations'],
      ['It would save us hours if {screen} could be emailed to us on a schedule.', 'Allow scheduling {screen}', 'Scheduled delivery of {screen}'],
      ['Keyboard shortcuts for the common actions in {feature} would speed our team up a lot.', 'Can you add keyboard shortcuts?', 'Keyboard shortcuts'],
      ['We would like a role that can view {screen} without being able to edit anything.', 'More granular permissions', 'Read-only role'],
      ['An audit log showing who changed each {object} would really help our compliance reviews.', 'Audit log for {object}s', 'Change history'],
    ],
    details: [
      'Right now we work around it by hand, which eats into everyone\'s week.',
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
      'We raised this with our account manager during the last quarterly review as well, and she suggested opening a ticket so that the product team can see how many customers are asking for the same thing.',
      'We have been very happy with {product} overall since we started in {sinceYear}, and this is honestly the one thing our team asks about most in our internal retrospectives.',
    ],
    priority: { urgent: 0, high: 0.03, medium: 0.27, low: 0.7 },
  },

  account_access: {
    weight: 12,
    keywordPattern: /\baccount access\b/i,
    subjects: [
      'Login problem', 'Can\'t get into {product}', 'Access issue', 'Sign-in help needed',
    ],
    leads: [
      ['I cannot log in to {product}; it says my password is incorrect even after resetting it.', 'Can\'t log in', 'Password not accepted after reset',
        { details: ['The error says "Invalid credentials ({errorCode})".', 'I already tried the reset link twice.'] }],
      ['I have been locked out after too many attempts and the lockout has not cleared.', 'Locked out of my account', 'Account locked',
        { details: ['It has been more than {duration} since the last attempt.'], asks: ['Please unlock my user.'] }],
      ['The password reset email never arrives; I checked spam and quarantine.', 'Password reset email not arriving', 'No reset email'],
      ['I lost the phone with my authenticator app and cannot get past two-factor.', '2FA device lost', 'Lost authenticator phone',
        { details: ['I still have access to my email address on file.', 'I did not save the backup codes, unfortunately.'], asks: ['Can you reset my two-factor setup?'] }],
      ['Since we switched identity providers, SSO sends us in a redirect loop back to the sign-in page.', 'SSO login loop', 'Redirect loop with SSO',
        { details: ['Our IT admin confirmed the SSO app is assigned to me.', 'It happens for everyone who signs in through SSO.'] }],
      ['Our only admin, {user}, left the company and nobody else can manage users.', 'Need to transfer account ownership', 'Admin left the company',
        { genericDetails: false, details: ['Their mailbox has already been closed, so we cannot receive the verification email.', 'We can provide proof that we are the account owner.'], asks: ['Could you make {user2} an admin instead?', 'How can we regain account access without the original admin?'] }],
      ['The invite link for our new hire {user} says it has expired.', 'Invite link expired', 'New user can\'t accept invite',
        { asks: ['Can you resend the invite?', 'Is there a way to make invite links last longer?'] }],
      ['My colleague {user} was deactivated by mistake and lost access to everything.', 'User deactivated by mistake', 'Please reactivate {user}'],
      ['After changing my email address to {email}, I can no longer sign in.', 'Unable to sign in after email change', 'Login broken after email change'],
      ['The two-factor codes from my authenticator are rejected as invalid.', 'MFA codes rejected', '2FA code invalid',
        { details: ['The clock on my phone is set automatically, so it should not be a time drift issue.'], asks: ['Can you reset my two-factor setup?'] }],
      ['I get "Session expired" right after entering my credentials, every time.', 'Login error {errorCode}', 'Session expired on login'],
    ],
    details: [
      'I am using {browser} on {os}.',
      'Everyone else on our team can log in fine.',
      'My username is {email}.',
      'We need this sorted before payroll runs on Friday.',
      'The self-service page just sends me back to the start.',
    ],
    keyword: [
      'We need account access restored as soon as possible.',
      'This is an account access problem that the self-service reset does not fix.',
      'I picked "account access" on the form because I was not sure what else to choose.',
    ],
    asks: [
      'What do you need from us to verify ownership?',
      'Please let me know what to try next.',
      'Any help appreciated, I am stuck.',
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
      'URGENT: nothing works', 'Is {product} down?', 'Service unavailable', 'Down for everyone in our office',
    ],
    leads: [
      ['{product} is completely down for us; every page returns a 503.', '{product} is down', '503 errors across {product}'],
      ['Nobody on our team can load {product} right now.', 'Site not loading', 'Cannot reach {product} at all'],
      ['All of our {object}s started failing about {duration} ago.', 'All {object}s failing', 'Everything failing since {time} UTC'],
      ['The app is timing out for everyone in our {region} office.', 'Everything timing out', 'Complete outage in {region}?'],
      ['We are getting "Service Unavailable" on every request to the API.', 'API returning 503', 'Service unavailable'],
      ['Your status page says all systems operational, but {product} will not load for any of us.', 'Status page says OK but {product} is down', 'Is there an outage?'],
      ['Since {time} UTC nothing in {product} works; the login page just spins.', '{product} unreachable since {time} UTC', 'Login page spinning forever'],
      ['Every request to {feature} fails with {error}.', '{feature} failing for everyone', 'Widespread errors: {errorShort}'],
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
      'Question about {product}', 'Quick question', 'Help needed with {feature}', 'How-to question', 'Getting started question',
    ],
    leads: [
      ['How do I set up {feature} for our team?', 'How do I set up {feature}?', 'Help configuring {feature}'],
      ['Is there a way to export all {object}s at once?', 'Where is the export button?', 'Exporting all {object}s'],
      ['Where do I change the default timezone for the workspace?', 'Change default timezone?', 'Workspace timezone setting'],
      ['We just started on the {plan} plan and want to connect {integration}.', 'Connecting {integration}', 'Setting up {integration}'],
      ['What is the right way to import about {n4} {object}s from a spreadsheet?', 'Best way to import our data', 'Bulk import from spreadsheet'],
      ['Can I rename a {object} without breaking the links people already have?', 'Can I rename a {object}?', 'Renaming question'],
      ['I am trying to figure out whether {screen} can be sent to the team every Monday.', 'Recurring delivery of {screen}', 'Weekly summary question'],
      ['How do I add a new user and give them read-only rights?', 'Adding a new user', 'Read-only user setup'],
      ['We want {feature} to behave differently for two of our teams; is that possible?', 'Different {feature} settings per team', 'Team-specific configuration'],
      ['Is it possible to duplicate a {object} along with its settings?', 'Duplicating a {object}', 'Copy {object} with settings'],
      ['What does the "{featureLabel}" toggle actually do in {feature}?', 'What does "{featureLabel}" do?', 'Question about a {feature} setting'],
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
      'Our subscription', 'Account closure', 'Contract end', 'Change to our plan',
    ],
    leads: [
      ['We have decided not to renew our {product} subscription when it ends this month.', 'Not renewing', 'End of contract'],
      ['Please close our account and stop all future charges.', 'Please close our account', 'Close account for {company}'],
      ['We would like to turn off auto-renewal on our {plan} plan.', 'Stop auto-renewal', 'Turn off auto-renew'],
      ['Our company is winding down this department, so we no longer need {product}.', 'Closing our {product} subscription', 'No longer need {product}'],
      ['We are moving to a different tool and want to end our subscription.', 'Moving to another tool', 'Ending our subscription'],
      ['Please downgrade us to the free tier at the end of the current term.', 'Downgrade to free', 'Move us to the free tier'],
      ['We will not be continuing with {product} after our trial of the {plan} plan.', 'Not continuing after trial', 'Trial feedback and next steps'],
      ['Please terminate our contract effective at the end of the current term.', 'Request to terminate', 'Contract termination'],
    ],
    details: [
      'Before anything is switched off, we need an export of all our {object}s.',
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
      'General question', 'Question for your team', 'Hello from {company}', 'Non-technical question',
    ],
    leads: [
      ['Our procurement team needs a completed security questionnaire before we can sign.', 'Security questionnaire', 'Vendor security review'],
      ['We are a consultancy and would like to discuss becoming a reseller of {product}.', 'Partnership inquiry', 'Reseller question'],
      ['Just wanted to say thanks to {agent} for the great help last week.', 'Thank you!', 'Great support experience',
        { genericDetails: false, details: ['They sorted out our {feature} setup in a single call.', 'We have been using {product} since {sinceYear} and the support has always been great.'], asks: ['No reply needed!', 'Please pass this on to their manager.'] }],
      ['Could you send us a copy of your latest SOC 2 Type II report?', 'Request for SOC 2 report', 'Compliance documents'],
      ['I am writing an article about support tooling and would like to interview someone from your team.', 'Press inquiry', 'Interview request'],
      ['Your company needs to be registered in our vendor portal before we can pay you.', 'Vendor registration form', 'Supplier onboarding'],
      ['Is the recording of last week\'s webinar on {feature} available somewhere?', 'Webinar recording', 'Missed the webinar'],
      ['We would be open to being featured in a customer case study.', 'Case study opportunity', 'Happy to be a reference'],
      ['We need a signed data processing agreement for our legal file.', 'Data processing agreement', 'DPA signature'],
      ['Does {product} have an office or data center in Canada?', 'Data residency question', 'Canadian data center?'],
      ['The onboarding call with {agent} was really useful, and I had a couple of follow-up thoughts.', 'Feedback on onboarding call', 'Onboarding follow-up',
        { genericDetails: false, details: ['The session on {feature} was the most helpful part.', 'It would help to get the slides afterwards.'], asks: ['Thanks again.'] }],
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
  chat: ['hi!', 'hey there!', 'hello!', 'hi team!', 'hi, quick one.'],
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
  const values = new Map();
  const generators = {
    product: () => ticket.product,
    company: () => ticket.customer.name,
    plan: () => ticket.plan,
    // A cheaper plan than the current one, for upgrade and downgrade stories.
    lowerPlan: () => {
      const index = PLANS.indexOf(ticket.plan);
      return index === 0 ? 'the free tier' : `the ${PLANS[r.int(0, index - 1)]} plan`;
    },
    planPrice: () => String(PLAN_PRICES[ticket.plan]),
    feature: () => r.pick(product.features),
    featureLabel: () => r.pick(FEATURE_LABELS),
    integration: () => r.pick(product.integrations),
    object: () => r.pick(product.objects),
    screen: () => r.pick(product.screens),
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
    mobileOs: () => r.pick(MOBILE_OSES),
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
    .replace(/\b([Aa]) (?=[aeioAEIO])/g, '$1n ') // "a invoice" -> "an invoice"
    .replace(/([^aeiou\W])ys\b/g, '$1ies'); // "saved replys" -> "saved replies"
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Chooses the sentences for one body: 2-5 sentences, or a long ~120-word ticket. */
function composeBody(r, ticket, category, lead, extra, get) {
  const long = r.chance(0.1);
  const sentenceCount = long ? 5 : r.weighted([[2, 22], [3, 36], [4, 28], [5, 14]]);
  const includeKeyword = r.chance(0.6);
  const urgencyRoll = r.chance(ticket.priorityHintRate);

  // Candidates for the middle of the body, most important first: the category word, the long context
  // sentences, a priority hint, then ordinary details.
  const candidates = [];
  if (includeKeyword) candidates.push(r.pick(category.keyword));
  if (long) candidates.push(...r.sample(extra.long ?? category.long, 2));
  if (urgencyRoll) candidates.push(r.pick(URGENCY_SENTENCES[ticket.priorityHint]));
  candidates.push(...r.sample(extra.details ?? [], 5));
  if (extra.genericDetails !== false) candidates.push(...r.sample(category.details, 5));

  // Lead sentence, then the middle, then (maybe) an ask to close.
  const wantsAsk = sentenceCount >= 3 ? r.chance(0.6) : !includeKeyword && r.chance(0.25);
  const middle = candidates.slice(0, sentenceCount - 1 - (wantsAsk ? 1 : 0));
  // Shuffle the middle so keyword and priority sentences are not always in the same place.
  for (let i = middle.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [middle[i], middle[j]] = [middle[j], middle[i]];
  }
  const sentences = [lead, ...middle];
  if (wantsAsk) sentences.push(r.pick(extra.asks ?? category.asks));
  let body = sentences.map((s) => capitalize(fill(r, s, get))).join(' ');

  if (ticket.channel === 'chat' && r.chance(0.35)) {
    // Chat messages are often typed casually.
    body = body.replace(/(^|[.?!] )([A-Z])(?=[a-z])/g, (m, p, c) => p + c.toLowerCase()).replace(/\.$/, '');
  }

  // Emails keep their line breaks; chat and phone notes are a single line.
  const greetings = GREETINGS[ticket.channel];
  if (greetings.length > 0 && r.chance(ticket.channel === 'phone' ? 0.8 : 0.55)) {
    body = `${r.pick(greetings)}${ticket.channel === 'email' ? '\n\n' : ' '}${body}`;
  }
  if (ticket.channel === 'email' && r.chance(0.6)) {
    const signer = fakePerson(r);
    body += r.chance(0.5)
      ? `\n\n${r.pick(SIGNOFFS)}\n${signer.split(' ')[0]}`
      : `\n\n${r.pick(SIGNOFFS)}\n${signer}\n${r.pick(ROLES)}, ${ticket.customer.name}`;
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
    const [lead, ...rest] = r.pick(category.leads);
    const leadSubjects = rest.filter((item) => typeof item === 'string');
    const extra = rest.find((item) => typeof item === 'object') ?? {};
    const { body, hasKeyword, long } = composeBody(r, ticket, category, lead, extra, get);
    // Most subjects match the opening sentence; some are the vague kind customers often write.
    const subject = capitalize(fill(r, r.chance(0.75) ? r.pick(leadSubjects) : r.pick(category.subjects), get));
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
