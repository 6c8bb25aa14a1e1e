import type { SecretCase } from "./_corpus.ts";
import { BASE64, fake, fakeJwt, fakePem, HEX, join, UPPER_DIGITS, URL_SAFE } from "./_fakes.ts";

const T = "TESTONLY";

const openaiLegacy = join("sk", "-", T, fake(1, 40));
const openaiProject = join("sk-", "proj-", T, fake(2, 60, URL_SAFE).replace(/[-_]/g, "x"), "_A1");
const openRouter = join("sk-", "or-v1-", fake(3, 64, HEX));
const anthropic = join("sk-", "ant-", "api03-", T, fake(4, 80, URL_SAFE));
const groq = join("gs", "k_", T, fake(5, 44));
const awsKeyId = join("AK", "IA", T, fake(6, 8, UPPER_DIGITS));
const awsSessionKeyId = join("AS", "IA", T, fake(7, 8, UPPER_DIGITS));
const awsSecret = fake(8, 40, BASE64);
const googleKey = join("AI", "za", "Sy", T, fake(9, 25, URL_SAFE));
const ghp = join("gh", "p_", T, fake(10, 28));
const gho = join("gh", "o_", T, fake(11, 28));
const ghu = join("gh", "u_", T, fake(12, 28));
const ghs = join("gh", "s_", T, fake(13, 28));
const ghr = join("gh", "r_", T, fake(14, 28));
const githubPat = join("github", "_pat_", "11", T, fake(15, 12), "_", fake(16, 59));
const glpat = join("gl", "pat-", T, fake(17, 12));
const slackBot = join("xo", "xb-", "1234567890", "-", "1234567890123", "-", fake(18, 24));
const slackUser = join("xo", "xp-", "1234567890", "-", "1234567890123", "-", fake(19, 24));
const slackApp = join("xo", "xa-", "2-", "1234567890", "-", fake(20, 30));
const slackHookPath = join("T0", fake(21, 8, UPPER_DIGITS), "/B0", fake(22, 8, UPPER_DIGITS), "/");
const slackHookSecret = fake(23, 24);
const stripeSecret = join("sk", "_live_", T, fake(24, 40));
const stripeRestricted = join("rk", "_live_", T, fake(25, 40));
const stripePublishable = join("pk", "_live_", T, fake(26, 40));
const stripeWebhook = join("wh", "sec_", T, fake(27, 24));
const twilioSid = join("A", "C", fake(28, 32, HEX));
const twilioToken = fake(29, 32, HEX);
const sendgrid = join("S", "G.", fake(30, 22, URL_SAFE), ".", fake(31, 43, URL_SAFE));
const mailgun = join("ke", "y-", fake(32, 32, HEX));
const npmToken = join("np", "m_", T, fake(33, 28));
const pypiToken = join("py", "pi-", "AgEIcHlwaS5vcmc", fake(34, 70, URL_SAFE));
const hfToken = join("h", "f_", T, fake(35, 26));
const discordBot = join(
  "M",
  T,
  "MzQ1Njc4OTAx",
  "Mz",
  ".",
  "G",
  fake(36, 5, URL_SAFE),
  ".",
  fake(37, 38),
);
const discordHook = join(fake(38, 18, "0123456789"), "/", fake(39, 68, URL_SAFE));
const telegram = join("123456789", ":A", "A", fake(40, 33, URL_SAFE));
const googleClientSecret = join("GOC", "SPX-", T, fake(41, 20, URL_SAFE));
const googleRefresh = join("1/", "/0", "g", T, fake(42, 90, URL_SAFE));
const googleAccess = join("ya", "29.", "a0A", T, fake(43, 120, URL_SAFE));
const herokuKey = [
  fake(64, 8, HEX),
  fake(65, 4, HEX),
  `4${fake(66, 3, HEX)}`,
  `8${fake(67, 3, HEX)}`,
  fake(68, 12, HEX),
].join("-");
const digitalOcean = join("do", "p_v1_", fake(44, 64, HEX));
const shopify = join("sh", "pat_", fake(45, 32, HEX));
const datadogKey = fake(46, 32, HEX);
const jwt = fakeJwt(47);
const bearer = join(T, fake(48, 32, URL_SAFE));
const basic = btoa("testuser:" + fake(49, 12));
const cookieSession = join(T, fake(50, 24));
const setCookieSession = join("s%3A", T, fake(51, 30));
const pemRsa = fakePem(52, "RSA PRIVATE KEY");
const pemEc = fakePem(53, "EC PRIVATE KEY", 3);
const pemOpenSsh = fakePem(54, "OPENSSH PRIVATE KEY", 5);
const pemPgp = fakePem(55, "PGP PRIVATE KEY BLOCK", 4);
const pemPkcs8 = fakePem(56, "ENCRYPTED PRIVATE KEY", 4);
const saKeyBody = fake(57, 64, BASE64);
const saKeyId = fake(58, 40, HEX);
const azureAccountKey = `${fake(59, 86, BASE64)}==`;
const azureKeyAlone = `${fake(60, 86, BASE64)}==`;
const ageKey = join("AGE-SECRET", "-KEY-1", fake(61, 58, UPPER_DIGITS));
const azureAdSecret = join("abc", "8Q", "~", T, fake(62, 26, URL_SAFE));

/** Vendor keys and tokens, tokens in HTTP headers, and private keys, by their own shape. */
export const CREDENTIAL_CASES: readonly SecretCase[] = [
  // --- LLM providers ---
  {
    format: "OpenAI key (sk-)",
    kind: "API_KEY",
    text: `Error: Incorrect API key provided: ${openaiLegacy}. Check your settings.`,
    secrets: [openaiLegacy],
    keeps: ["Incorrect API key provided"],
    nearMiss: "pip install sk-learn-extra failed: No matching distribution",
  },
  {
    format: "OpenAI project key (sk-proj-)",
    kind: "API_KEY",
    text: `openai.AuthenticationError: 401 key=${openaiProject} rejected`,
    secrets: [openaiProject],
    keeps: ["401"],
    nearMiss: "keys start with sk-proj- followed by the project id",
  },
  {
    format: "OpenRouter key (sk-or-v1-)",
    kind: "API_KEY",
    text: `using ${openRouter} for openrouter.ai`,
    secrets: [openRouter],
    nearMiss: "using the sk-or-v1 prefix for openrouter.ai",
  },
  {
    format: "Anthropic key (sk-ant-)",
    kind: "API_KEY",
    text: `ANTHROPIC_API_KEY=${anthropic}`,
    secrets: [anthropic],
    keeps: ["ANTHROPIC_API_KEY="],
    nearMiss: "set ANTHROPIC_API_KEY (it starts with sk-ant-)",
  },
  {
    format: "Groq key (gsk_)",
    kind: "API_KEY",
    text: `groq client init with ${groq}`,
    secrets: [groq],
    nearMiss: "groq client init with gsk_ prefix missing",
  },
  // --- Clouds ---
  {
    format: "AWS access key id (AKIA)",
    kind: "API_KEY",
    text:
      `InvalidClientTokenId: The security token included in the request is invalid (${awsKeyId})`,
    secrets: [awsKeyId],
    keeps: ["InvalidClientTokenId"],
    nearMiss: "AKIA prefix seen in AKIATESTONLY123 (15 chars, truncated)",
  },
  {
    format: "AWS temporary access key id (ASIA)",
    kind: "API_KEY",
    text: `aws sts: assumed role with key ${awsSessionKeyId}`,
    secrets: [awsSessionKeyId],
    nearMiss: "deploying to ASIA-PACIFIC region ap-southeast-1",
  },
  {
    format: "AWS secret access key (aws_secret_access_key=)",
    kind: "SECRET",
    text: `aws_secret_access_key = ${awsSecret}`,
    secrets: [awsSecret],
    keeps: ["aws_secret_access_key = "],
    nearMiss: "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
  },
  {
    format: "Google API key (AIza)",
    kind: "API_KEY",
    text: `GET https://maps.googleapis.com/maps/api/geocode/json?key=${googleKey} 403`,
    secrets: [googleKey],
    keeps: ["https://maps.googleapis.com/maps/api/geocode/json?key=", " 403"],
    nearMiss: "Gemini keys look like AIza followed by 35 characters",
  },
  {
    format: "GCP service-account JSON private_key",
    kind: "PRIVATE_KEY",
    text: JSON.stringify({
      type: "service_account",
      private_key_id: saKeyId,
      private_key: `-----BEGIN PRIVATE KEY-----\n${saKeyBody}\n-----END PRIVATE KEY-----\n`,
    }),
    secrets: [saKeyBody, saKeyId],
    keeps: ['"type":"service_account"'],
    nearMiss: fakePem(90, "PUBLIC KEY", 2),
  },
  {
    format: "Azure storage connection string",
    kind: "CONNECTION_STRING",
    text:
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=testonly;AccountKey=${azureAccountKey};EndpointSuffix=core.windows.net"`,
    secrets: [azureAccountKey],
    keeps: ["AZURE_STORAGE_CONNECTION_STRING="],
    nearMiss:
      "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;EndpointSuffix=core.windows.net",
  },
  {
    format: "Azure storage account key (AccountKey=)",
    kind: "API_KEY",
    text: `storage AccountKey=${azureKeyAlone} rejected`,
    secrets: [azureKeyAlone],
    nearMiss: "storage AccountKey missing from the connection string",
  },
  {
    format: "Azure AD client secret (…8Q~…)",
    kind: "SECRET",
    text: `AADSTS7000215: Invalid client secret provided: ${azureAdSecret}`,
    secrets: [azureAdSecret],
    keeps: ["AADSTS7000215"],
    nearMiss: "AADSTS7000215: Invalid client secret provided. Ensure the secret is not expired.",
  },
  {
    format: "Heroku API key (UUID in HEROKU context)",
    kind: "API_KEY",
    text: `HEROKU API key for app test-app is ${herokuKey}`,
    secrets: [herokuKey],
    nearMiss: `request id ${herokuKey} finished in 12ms`,
  },
  {
    format: "DigitalOcean token (dop_v1_)",
    kind: "TOKEN",
    text: `doctl auth init -t ${digitalOcean}`,
    secrets: [digitalOcean],
    nearMiss: "doctl auth init: token must start with dop_v1_",
  },
  {
    format: "Datadog API key (in context)",
    kind: "API_KEY",
    text: `datadog agent: API key ${datadogKey} is invalid (403)`,
    secrets: [datadogKey],
    keeps: ["datadog agent", "(403)"],
    nearMiss: "datadog agent 7.52.0 started, forwarding to datadoghq.com",
  },
  // --- Code hosting and package registries ---
  {
    format: "GitHub classic PAT (ghp_)",
    kind: "TOKEN",
    text: `remote: Invalid username or password. token=${ghp}`,
    secrets: [ghp],
    nearMiss: "GitHub tokens start with ghp_ and are 40 characters long",
  },
  {
    format: "GitHub OAuth token (gho_)",
    kind: "TOKEN",
    text: `gh auth status: Logged in with ${gho}`,
    secrets: [gho],
    nearMiss: "gh auth status: Logged in to github.com (gho_ token)",
  },
  {
    format: "GitHub user-to-server token (ghu_)",
    kind: "TOKEN",
    text: `app token ${ghu} expired`,
    secrets: [ghu],
    nearMiss: "app token ghu_short expired",
  },
  {
    format: "GitHub server-to-server token (ghs_)",
    kind: "TOKEN",
    text: `git clone https://x-access-token:${ghs}@github.com/owner/repo.git`,
    secrets: [ghs],
    keeps: ["git clone https://", "@github.com/owner/repo.git"],
    nearMiss: "git clone https://github.com/owner/repo.git",
  },
  {
    format: "GitHub refresh token (ghr_)",
    kind: "TOKEN",
    text: `refresh with ${ghr}`,
    secrets: [ghr],
    nearMiss: "refresh with ghr_ refresh tokens every 6 months",
  },
  {
    format: "GitHub fine-grained PAT (github_pat_)",
    kind: "TOKEN",
    text: `GH_TOKEN: ${githubPat}`,
    secrets: [githubPat],
    nearMiss: "fine-grained tokens start with github_pat_",
  },
  {
    format: "GitLab PAT (glpat-)",
    kind: "TOKEN",
    text: `401 Unauthorized for ${glpat}`,
    secrets: [glpat],
    keeps: ["401 Unauthorized"],
    nearMiss: "401 Unauthorized: glpat-short is not a token",
  },
  {
    format: "npm token (npm_)",
    kind: "TOKEN",
    text: `//registry.npmjs.org/:_authToken=${npmToken}`,
    secrets: [npmToken],
    keeps: ["//registry.npmjs.org/:_authToken="],
    nearMiss: "npm_config_cache=/tmp/npm-cache npm_lifecycle_event=test",
  },
  {
    format: "PyPI token (pypi-)",
    kind: "TOKEN",
    text: `twine upload -p ${pypiToken}`,
    secrets: [pypiToken],
    nearMiss: "pip download --index-url https://pypi-simple.example.org/simple pkg",
  },
  {
    format: "Hugging Face token (hf_)",
    kind: "TOKEN",
    text: `HfHubHTTPError: 401 for token ${hfToken}`,
    secrets: [hfToken],
    nearMiss: "hf_hub_download failed: 404 Client Error for url",
  },
  // --- Chat, mail and payments ---
  {
    format: "Slack bot token (xoxb-)",
    kind: "TOKEN",
    text: `slack: invalid_auth for ${slackBot}`,
    secrets: [slackBot],
    nearMiss: "slack: set SLACK_BOT_TOKEN to your xoxb-token-here value",
  },
  {
    format: "Slack user token (xoxp-)",
    kind: "TOKEN",
    text: `token_revoked: ${slackUser}`,
    secrets: [slackUser],
    nearMiss: "token_revoked: user tokens start with xoxp-",
  },
  {
    format: "Slack app token (xoxa-)",
    kind: "TOKEN",
    text: `workspace app ${slackApp}`,
    secrets: [slackApp],
    nearMiss: "workspace app xoxa-legacy-token",
  },
  {
    format: "Slack webhook URL",
    kind: "WEBHOOK_URL",
    text: `POST https://hooks.slack.com/services/${slackHookPath}${slackHookSecret} 404`,
    secrets: [slackHookSecret, slackHookPath],
    keeps: ["https://hooks.slack.com/services/", " 404"],
    nearMiss: "see https://api.slack.com/messaging/webhooks for setup",
  },
  {
    format: "Discord bot token",
    kind: "TOKEN",
    text: `discord.errors.LoginFailure: Improper token has been passed: ${discordBot}`,
    secrets: [discordBot],
    nearMiss: "discord.errors.LoginFailure: Improper token has been passed.",
  },
  {
    format: "Discord webhook URL",
    kind: "WEBHOOK_URL",
    text: `POST https://discord.com/api/webhooks/${discordHook} 401`,
    secrets: [discordHook],
    keeps: ["https://discord.com/api/webhooks/"],
    nearMiss: "GET https://discord.com/api/v10/channels/123456789012345678/messages 403",
  },
  {
    format: "Telegram bot token",
    kind: "TOKEN",
    text: `GET https://api.telegram.org/bot${telegram}/getMe 401`,
    secrets: [telegram],
    keeps: ["https://api.telegram.org/bot", "/getMe 401"],
    nearMiss: "chat 123456789:AAAA not found",
  },
  {
    format: "Stripe secret key (sk_live_)",
    kind: "API_KEY",
    text: `StripeAuthenticationError: Invalid API Key provided: ${stripeSecret}`,
    secrets: [stripeSecret],
    nearMiss: "StripeAuthenticationError: No API key provided (sk_live_ expected)",
  },
  {
    format: "Stripe restricted key (rk_live_)",
    kind: "API_KEY",
    text: `stripe restricted ${stripeRestricted}`,
    secrets: [stripeRestricted],
    nearMiss: "stripe restricted rk_live_ keys need the read scope",
  },
  {
    format: "Stripe publishable key (pk_live_, redacted too)",
    kind: "API_KEY",
    text: `Stripe("${stripePublishable}") loaded`,
    secrets: [stripePublishable],
    nearMiss: 'Stripe("pk_test_") loaded',
  },
  {
    format: "Stripe webhook secret (whsec_)",
    kind: "SECRET",
    text: `STRIPE_WEBHOOK_SECRET=${stripeWebhook}`,
    secrets: [stripeWebhook],
    nearMiss: "webhook signature mismatch: check STRIPE_WEBHOOK_SECRET",
  },
  {
    format: "Twilio account SID (AC…)",
    kind: "API_KEY",
    text: `twilio: account ${twilioSid} suspended`,
    secrets: [twilioSid],
    nearMiss: "twilio: ACCOUNT_SID missing (expected AC + 32 hex)",
  },
  {
    format: "Twilio auth token (TWILIO_AUTH_TOKEN=)",
    kind: "TOKEN",
    text: `TWILIO_AUTH_TOKEN=${twilioToken}`,
    secrets: [twilioToken],
    nearMiss: "twilio auth token rejected (error 20003)",
  },
  {
    format: "SendGrid key (SG.)",
    kind: "API_KEY",
    text: `sendgrid 401 with ${sendgrid}`,
    secrets: [sendgrid],
    nearMiss: "sendgrid 401: keys look like SG.xxxx.yyyy",
  },
  {
    format: "Mailgun key (key-)",
    kind: "API_KEY",
    text: `mailgun api ${mailgun}`,
    secrets: [mailgun],
    nearMiss: "mailgun: key-value tags are limited to 3 per message",
  },
  {
    format: "Shopify token (shpat_)",
    kind: "TOKEN",
    text: `X-Shopify-Access-Token: ${shopify}`,
    secrets: [shopify],
    nearMiss: "X-Shopify-Access-Token header missing",
  },
  // --- Google OAuth ---
  {
    format: "Google OAuth client secret (GOCSPX-)",
    kind: "SECRET",
    text: `client_id=123.apps.googleusercontent.com secret ${googleClientSecret}`,
    secrets: [googleClientSecret],
    keeps: ["client_id=123.apps.googleusercontent.com"],
    nearMiss: "client_id=123.apps.googleusercontent.com secret GOCSPX-short",
  },
  {
    format: "Google OAuth refresh token (1//0)",
    kind: "TOKEN",
    text: `invalid_grant for ${googleRefresh}`,
    secrets: [googleRefresh],
    nearMiss: "invalid_grant: Token has been expired or revoked.",
  },
  {
    format: "Google OAuth access token (ya29.)",
    kind: "TOKEN",
    text: `401 for ${googleAccess}`,
    secrets: [googleAccess],
    nearMiss: "ya29 prefix means an OAuth access token",
  },
  // --- Tokens in HTTP ---
  {
    format: "JWT",
    kind: "JWT",
    text: `jwt malformed: ${jwt}`,
    secrets: [jwt.slice(40)],
    nearMiss: "jwt malformed: eyJhbGciOiJIUzI1NiJ9 (header only)",
  },
  {
    format: "Authorization: Bearer header",
    kind: "TOKEN",
    text: `> Authorization: Bearer ${bearer}\n< HTTP/1.1 401 Unauthorized`,
    secrets: [bearer],
    keeps: ["Authorization: Bearer ", "HTTP/1.1 401 Unauthorized"],
    nearMiss: "Bearer token expired; please sign in again",
  },
  {
    format: "Authorization: Basic header",
    kind: "BASIC_AUTH",
    text: `curl -H 'Authorization: Basic ${basic}' https://example.com`,
    secrets: [basic],
    keeps: ["Authorization: Basic ", "https://example.com"],
    nearMiss: "Basic authentication failed for realm 'staging'",
  },
  {
    format: "Cookie header",
    kind: "COOKIE",
    text: `Cookie: session_id=${cookieSession}; theme=dark`,
    secrets: [cookieSession],
    keeps: ["Cookie: session_id="],
    nearMiss: "cookie jar is empty after 3 redirects",
  },
  {
    format: "Set-Cookie header",
    kind: "COOKIE",
    text: `Set-Cookie: connect.sid=${setCookieSession}; Path=/; HttpOnly; SameSite=Lax`,
    secrets: [setCookieSession],
    keeps: ["Set-Cookie: connect.sid=", "; Path=/; HttpOnly; SameSite=Lax"],
    nearMiss: "Set-Cookie header rejected: SameSite=None requires Secure",
  },
  // --- Private keys ---
  {
    format: "PEM RSA private key (multi-line)",
    kind: "PRIVATE_KEY",
    text: `loaded key:\n${pemRsa}\ndone`,
    secrets: pemRsa.split("\n").slice(1, -1),
    keeps: ["loaded key:", "done"],
    nearMiss: `loaded cert:\n${fakePem(91, "CERTIFICATE", 3)}\ndone`,
  },
  {
    format: "PEM EC private key",
    kind: "PRIVATE_KEY",
    text: pemEc,
    secrets: pemEc.split("\n").slice(1, -1),
    nearMiss: "-----BEGIN EC PARAMETERS-----",
  },
  {
    format: "OpenSSH private key",
    kind: "PRIVATE_KEY",
    text: `id_ed25519:\n${pemOpenSsh}`,
    secrets: pemOpenSsh.split("\n").slice(1, -1),
    keeps: ["id_ed25519:"],
    nearMiss: 'Load key "/root/.ssh/id_ed25519": invalid format',
  },
  {
    format: "PGP private key block",
    kind: "PRIVATE_KEY",
    text: pemPgp,
    secrets: pemPgp.split("\n").slice(1, -1),
    nearMiss: "gpg: no default secret key: No secret key",
  },
  {
    format: "Encrypted PKCS#8 private key (JSON-escaped)",
    kind: "PRIVATE_KEY",
    text: JSON.stringify({ key: pemPkcs8 }),
    secrets: pemPkcs8.split("\n").slice(1, -1),
    nearMiss: '{"key":"-----BEGIN CERTIFICATE REQUEST-----"}',
  },
  {
    format: "age secret key",
    kind: "PRIVATE_KEY",
    text: `sops: ${ageKey}`,
    secrets: [ageKey],
    nearMiss: "sops: no AGE-SECRET-KEY found in SOPS_AGE_KEY_FILE",
  },
];
