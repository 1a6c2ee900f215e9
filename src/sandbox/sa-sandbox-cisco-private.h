/* sa-sandbox-cisco-private.h — what the sandbox's Cisco-shaped files share
 *
 * The sandbox serves Cisco's own paths (CISCO-APIS.md §1.1, §1.2, §1.4, §6)
 * from each user's training data, the client ID being the user name and the
 * client secret the password:
 * - sa-sandbox-cisco-gateway.c: the token endpoint, the bearer check, the
 *   training faults applied, the request log written, Cisco's reply shapes;
 * - sa-sandbox-cisco-faults.c: each user's gateway state (faults queued,
 *   token lifetime, request log) and its training controls;
 * - sa-sandbox-cisco-accounts.c: Smart Account search, /v2/accounts, Virtual
 *   Accounts, and who may see what (roles);
 * - sa-sandbox-cisco-licenses.c: licenses (paged) and their transfer;
 * - sa-sandbox-cisco-orders.c: checkOrderStatus (the CCW Order API).
 *
 * Adding a Cisco path: a row (access SA_SANDBOX_CISCO) and a handler in one
 * of these files; its errors with sa_sandbox_cisco_respond_error().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-sandbox-private.h"

G_BEGIN_DECLS

#define SA_SANDBOX_CISCO_TOKEN_PATH     "/oauth2/default/v1/token"
#define SA_SANDBOX_CISCO_LICENSING_PATH "/services/api/smart-accounts-and-licensing"
#define SA_SANDBOX_CISCO_ORDER_PATH     "/commerce/ORDER/v2/sync/checkOrderStatus"

/* Cisco's sample token lifetime (CISCO-APIS.md §6.1). */
#define SA_SANDBOX_CISCO_TOKEN_LIFETIME 3599 /* seconds */

/**
 * SaSandboxCiscoFaultKind:
 * @SA_SANDBOX_CISCO_FAULT_INVALID_CLIENT: the token endpoint answers 401
 *   `invalid_client` to the right secret (a new application still
 *   propagating)
 * @SA_SANDBOX_CISCO_FAULT_ACCESS_NOT_APPROVED: 403 "Invalid Client" (the
 *   token works, the API access is not approved yet)
 * @SA_SANDBOX_CISCO_FAULT_RATE_LIMITED: 429 with `Retry-After`
 * @SA_SANDBOX_CISCO_FAULT_HTML_403: 403 with the HTML page
 *   `<h1>Not Authorized</h1>`
 * @SA_SANDBOX_CISCO_FAULT_INVALID_TOKEN: 401 `invalid_token`, as for a
 *   revoked or expired token
 * @SA_SANDBOX_CISCO_FAULT_NO_ROLES: /v2/accounts lists nothing, as for an
 *   application whose registering user has no role
 * @SA_SANDBOX_CISCO_FAULT_OSA001: checkOrderStatus answers OSA001 whatever
 *   the order
 * @SA_SANDBOX_CISCO_FAULT_NON_UTF8: the JSON reply's text comes in Latin-1:
 *   bytes that are not UTF-8
 * @SA_SANDBOX_CISCO_FAULT_SLOW: the answer waits `delayMs` first
 *
 * The training faults (docs/desk-api.md, "Cisco faults").
 */
typedef enum
{
  SA_SANDBOX_CISCO_FAULT_INVALID_CLIENT,
  SA_SANDBOX_CISCO_FAULT_ACCESS_NOT_APPROVED,
  SA_SANDBOX_CISCO_FAULT_RATE_LIMITED,
  SA_SANDBOX_CISCO_FAULT_HTML_403,
  SA_SANDBOX_CISCO_FAULT_INVALID_TOKEN,
  SA_SANDBOX_CISCO_FAULT_NO_ROLES,
  SA_SANDBOX_CISCO_FAULT_OSA001,
  SA_SANDBOX_CISCO_FAULT_NON_UTF8,
  SA_SANDBOX_CISCO_FAULT_SLOW,
  SA_SANDBOX_CISCO_N_FAULTS,
} SaSandboxCiscoFaultKind;

/* Which of Cisco's APIs a request is for (a fault applies to some only). */
typedef enum
{
  SA_SANDBOX_CISCO_TOKEN          = 1 << 0,
  SA_SANDBOX_CISCO_LICENSING      = 1 << 1,
  SA_SANDBOX_CISCO_ACCOUNT_ACCESS = 1 << 2,  /* /v2/accounts (also LICENSING) */
  SA_SANDBOX_CISCO_ORDER          = 1 << 3,
} SaSandboxCiscoApi;

/* One fault queued for a user. */
typedef struct
{
  SaSandboxCiscoFaultKind kind;
  guint                   remaining;         /* requests still to get it */
  gboolean                persistent;        /* until cleared (count 0) */
  guint                   retry_after;       /* seconds */
  gboolean                retry_after_date;  /* as an HTTP date */
  guint                   delay_ms;
} SaSandboxCiscoFault;

/* Gateway (sa-sandbox-cisco-gateway.c) */
gboolean     sa_sandbox_cisco_prepare          (SaSandboxRequest   *request,
                                                SaSandboxCaller    *caller);
void         sa_sandbox_cisco_finish           (SaSandboxRequest   *request);
gboolean     sa_sandbox_cisco_request_has_fault (SaSandboxRequest        *request,
                                                 SaSandboxCiscoFaultKind  kind);
void         sa_sandbox_cisco_respond_error    (SoupServerMessage  *msg,
                                                guint               status,
                                                const char         *status_message);
void         sa_sandbox_cisco_add_success      (JsonBuilder        *builder);
JsonNode    *sa_sandbox_cisco_parse_body       (SoupServerMessage  *msg);

/* Each user's gateway state (sa-sandbox-cisco-faults.c) */
void         sa_sandbox_cisco_users_free       (GHashTable         *users);
gboolean     sa_sandbox_cisco_take_fault       (SaSandboxServer    *server,
                                                const char         *username,
                                                SaSandboxCiscoApi   api,
                                                SaSandboxCiscoFault *fault);
guint        sa_sandbox_cisco_token_lifetime   (SaSandboxServer    *server,
                                                const char         *username);
void         sa_sandbox_cisco_log_request      (SaSandboxServer    *server,
                                                const char         *username,
                                                SoupServerMessage  *msg,
                                                const char         *body);
void         sa_sandbox_cisco_forget_user      (SaSandboxServer    *server,
                                                const char         *username);
void         sa_sandbox_cisco_clear_faults     (SaSandboxServer    *server,
                                                const char         *username);

/* Smart Accounts and who may see what (sa-sandbox-cisco-accounts.c) */

/* What a user may do in one Smart Account, from their roles. */
typedef struct
{
  gboolean    any;             /* some role on the account */
  gboolean    whole_account;   /* a Smart Account role: every Virtual Account */
  gboolean    account_changes; /* …that is not a Viewer's */
  GHashTable *virtual_accounts; /* Virtual Account role: name → GINT_TO_POINTER (may change) */
} SaSandboxCiscoAccess;

void         sa_sandbox_cisco_access_clear     (SaSandboxCiscoAccess *access);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaSandboxCiscoAccess, sa_sandbox_cisco_access_clear)

gboolean     sa_sandbox_cisco_get_access       (sqlite3              *db,
                                                const char           *tenant,
                                                const char           *account_id,
                                                SaSandboxCiscoAccess *access,
                                                GError              **error);
gboolean     sa_sandbox_cisco_access_sees      (const SaSandboxCiscoAccess *access,
                                                const char                 *virtual_account);
gboolean     sa_sandbox_cisco_access_changes   (const SaSandboxCiscoAccess *access,
                                                const char                 *virtual_account);
gboolean     sa_sandbox_cisco_query_number     (SaSandboxRequest   *request,
                                                const char         *name,
                                                gint64              min,
                                                gint64              max,
                                                gint64             *value);
const char  *sa_sandbox_cisco_status_text      (const char         *desk_status);
gint64       sa_sandbox_cisco_account_number   (const char         *account_id);

G_END_DECLS
